"""Messages of windowing, models, training, saved models and the command line."""

MESSAGES: dict[str, dict[str, str]] = {
    "training_cancelled": {
        "en": "Training was stopped. The partial result was discarded; earlier results are kept.",
        "ko": "학습을 중지했습니다. 중간 결과는 버렸고, 이전 결과는 그대로 있습니다.",
    },
    "loss_not_finite": {
        "en": "The training loss became {loss} at epoch {epoch} with learning rate {value}. "
        "Lower the learning rate (for example to {suggested}) and train again.",
        "ko": "학습률 {value}로 {epoch}번째 에포크에서 학습 손실이 {loss}가 되었습니다. "
        "학습률을 낮춰(예: {suggested}) 다시 학습하세요.",
    },
    "unknown_model": {
        "en": "Unknown model '{value}'. Valid models: {valid}.",
        "ko": "알 수 없는 모델 '{value}'입니다. 사용할 수 있는 모델: {valid}.",
    },
    "unknown_impl": {
        "en": "Unknown implementation '{value}'. Choose one of: {valid}.",
        "ko": "알 수 없는 구현 방식 '{value}'입니다. 다음 중에서 고르세요: {valid}.",
    },
    "unknown_optimizer": {
        "en": "Unknown optimizer '{value}'. Choose one of: {valid}.",
        "ko": "알 수 없는 옵티마이저 '{value}'입니다. 다음 중에서 고르세요: {valid}.",
    },
    "device_unavailable": {
        "en": "Device '{value}' is not available on this machine. Available: {valid}.",
        "ko": "이 컴퓨터에서는 '{value}' 장치를 쓸 수 없습니다. 사용 가능: {valid}.",
    },
    "unknown_device": {
        "en": "Unknown device '{value}'. Choose one of: {valid}.",
        "ko": "알 수 없는 장치 '{value}'입니다. 다음 중에서 고르세요: {valid}.",
    },
    "setting_out_of_range": {
        "en": "{name} = {value} is out of range. Use a value from {low} to {high}.",
        "ko": "{name} = {value}은(는) 허용 범위를 벗어났습니다. {low}에서 {high} 사이의 값을 쓰세요.",
    },
    "unknown_scaler": {
        "en": "Unknown scaler '{value}'. Choose one of: {valid}.",
        "ko": "알 수 없는 스케일러 '{value}'입니다. 다음 중에서 고르세요: {valid}.",
    },
    "unknown_target_mode": {
        "en": "Unknown target mode '{value}'. Choose one of: {valid}.",
        "ko": "알 수 없는 예측 대상 방식 '{value}'입니다. 다음 중에서 고르세요: {valid}.",
    },
    "no_features": {
        "en": "No input feature is selected. Choose at least one column, for example Close.",
        "ko": "입력 특성이 하나도 선택되지 않았습니다. 종가(Close) 등 열을 하나 이상 고르세요.",
    },
    "no_models": {
        "en": "No model is selected. Choose at least one of: {valid}.",
        "ko": "선택한 모델이 없습니다. 다음 중 하나 이상을 고르세요: {valid}.",
    },
    "unknown_column": {
        "en": "Column '{value}' is not in the price table. Available columns: {valid}.",
        "ko": "가격 표에 '{value}' 열이 없습니다. 사용할 수 있는 열: {valid}.",
    },
    "non_positive_price": {
        "en": "Column '{column}' has a zero or negative price ({value}), so log returns are undefined. "
        "Predict price levels instead, or choose another column.",
        "ko": "'{column}' 열에 0 이하의 가격({value})이 있어 로그 수익률을 계산할 수 없습니다. "
        "가격 수준을 예측하거나 다른 열을 고르세요.",
    },
    "missing_values": {
        "en": "The data for '{value}' still contain missing or infinite values. Check the price file.",
        "ko": "'{value}' 데이터에 빈 값이나 무한대 값이 남아 있습니다. 가격 파일을 확인하세요.",
    },
    "too_few_rows": {
        "en": "The table has {value} rows, but window {window} and horizon {horizon} need at least {needed} "
        "rows for training, validation and test periods. Load a longer date range or use a window of at most "
        "{max_window}.",
        "ko": "표에는 {value}개 행이 있지만, 윈도 = {window}, 예측 기간 = {horizon} 설정에서 학습·검증·테스트 구간을 "
        "만들려면 최소 {needed}개 행이 필요합니다. 더 긴 기간의 데이터를 불러오거나 윈도를 {max_window} 이하로 줄이세요.",
    },
    "model_file_missing": {
        "en": "Model file '{value}' was not found. Check the path.",
        "ko": "모델 파일 '{value}'을(를) 찾을 수 없습니다. 경로를 확인하세요.",
    },
    "model_file_invalid": {
        "en": "'{value}' is not a valid model file of this tool (damaged, truncated, or containing code). "
        "Use a .pt file saved by this app or by 'python -m forecast train'.",
        "ko": "'{value}'은(는) 이 도구의 올바른 모델 파일이 아닙니다(손상되었거나 잘렸거나 코드가 들어 있음). "
        "이 앱이나 'python -m forecast train'이 저장한 .pt 파일을 쓰세요.",
    },
    "model_file_wrong_kind": {
        "en": "This model file holds a '{value}' model, but a '{expected}' model is needed here.",
        "ko": "이 모델 파일에는 '{value}' 모델이 들어 있지만, 여기에는 '{expected}' 모델이 필요합니다.",
    },
    "model_file_too_new": {
        "en": "This model file has format version {value}, newer than this tool supports ({supported}). "
        "Update the tool or retrain the model.",
        "ko": "이 모델 파일의 형식 버전 {value}은(는) 이 도구가 지원하는 버전({supported})보다 새롭습니다. "
        "도구를 업데이트하거나 모델을 다시 학습하세요.",
    },
    "baseline_naive": {"en": "naive (repeat last price)", "ko": "단순 기준(마지막 가격 반복)"},
    "cli_warning": {"en": "warning: {text}", "ko": "경고: {text}"},
    "cli_wrote": {"en": "wrote {path}", "ko": "저장함: {path}"},
    "cli_train_summary": {
        "en": "Target {target}: {rows} rows; test period {start} to {end} ({test} forecasts); device {device}",
        "ko": "예측 대상 {target}: {rows}개 행, 테스트 구간 {start} ~ {end} (예측 {test}개), 장치 {device}",
    },
    "cli_skill_note": {
        "en": "skill = 1 - RMSE / RMSE of the naive baseline; 0 or below means no better than repeating the last price.",
        "ko": "skill = 1 - RMSE / 단순 기준의 RMSE. 0 이하이면 마지막 가격을 반복하는 것보다 낫지 않다는 뜻입니다.",
    },
    "cli_forecast_header": {
        "en": "Forecast of {target} after {last}:",
        "ko": "{last} 이후 {target} 예측:",
    },
    "constant_series": {
        "en": "'{value}' does not change during the {rows} training rows, so there is nothing to learn. "
        "Choose another target column or a longer date range.",
        "ko": "'{value}' 값이 학습 구간 {rows}개 행 동안 변하지 않아 배울 것이 없습니다. "
        "다른 예측 대상 열이나 더 긴 기간을 고르세요.",
    },
    "too_few_rows_any_window": {
        "en": "The table has {value} rows, but window {window} and horizon {horizon} need at least {needed} "
        "rows for training, validation and test periods, and even a window of 1 needs more rows than it has. "
        "Load a longer date range.",
        "ko": "표에는 {value}개 행이 있지만, 윈도 = {window}, 예측 기간 = {horizon} 설정에서 학습·검증·테스트 구간을 "
        "만들려면 최소 {needed}개 행이 필요하며, 윈도를 1로 줄여도 행이 모자랍니다. 더 긴 기간의 데이터를 불러오세요.",
    },
    "cli_training_model": {"en": "training {model} ...", "ko": "{model} 학습 중 ..."},
    "cli_epoch_progress": {
        "en": "  {model}: epoch {epoch}/{epochs}, validation loss {val_loss:.5f}, {seconds:.1f} s",
        "ko": "  {model}: 에포크 {epoch}/{epochs}, 검증 손실 {val_loss:.5f}, {seconds:.1f}초",
    },
    "col_direction": {"en": "direction", "ko": "방향 정확도"},
    "col_epochs": {"en": "epochs", "ko": "에포크"},
    "input_outside_training_range": {
        "en": "The last {column} in these prices, {value:.4g}, lies outside the range the model was trained on "
        "({low:.4g} to {high:.4g}). A model that predicts price levels cannot follow prices it never saw, so this "
        "forecast is unreliable; train on these prices instead, or use a log-return model.",
        "ko": "이 데이터의 마지막 {column} 값 {value:.4g}은(는) 모델이 학습한 범위({low:.4g} ~ {high:.4g})를 "
        "벗어납니다. 가격 수준을 예측하는 모델은 본 적 없는 가격을 따라가지 못하므로 이 예측은 믿기 어렵습니다. "
        "이 데이터로 다시 학습하거나 로그 수익률 모델을 쓰세요.",
    },
    "duplicate_model": {
        "en": "Model '{value}' is listed twice. List each model once, for example gru,lstm,bilstm.",
        "ko": "'{value}' 모델이 두 번 들어 있습니다. gru,lstm,bilstm처럼 모델마다 한 번씩만 쓰세요.",
    },
    "held_out_too_large": {
        "en": "Validation share {val} and test share {test} together hold out {value:.2f} of the rows, more than "
        "{high}. Lower one of them so that enough rows remain for training.",
        "ko": "검증 비율 {val}과(와) 테스트 비율 {test}을(를) 합치면 행의 {value:.2f}을(를) 떼어 두게 되어 "
        "{high}를 넘습니다. 학습에 쓸 행이 충분히 남도록 둘 중 하나를 줄이세요.",
    },
    "output_not_writable": {
        "en": "Cannot write the results to '{value}': {reason}. Choose another --out folder.",
        "ko": "결과를 '{value}'에 쓸 수 없습니다: {reason}. 다른 --out 폴더를 고르세요.",
    },
    "output_is_file": {
        "en": "'{value}' is a file, but --out needs a folder. Choose a folder path.",
        "ko": "'{value}'은(는) 파일인데, --out에는 폴더가 필요합니다. 폴더 경로를 고르세요.",
    },
    "prediction_not_finite": {
        "en": "{value} produced infinite or undefined forecasts, so it cannot be scored. Prices this large "
        "({high:.3g}) exceed what float32 models can handle; rescale the prices (for example to thousands) or "
        "check the file.",
        "ko": "{value} 모델의 예측값이 무한대이거나 정의되지 않아 평가할 수 없습니다. 이렇게 큰 가격({high:.3g})은 "
        "float32 모델이 다룰 수 없습니다. 가격 단위를 바꾸거나(예: 천 단위) 파일을 확인하세요.",
    },
    "values_too_large": {
        "en": "Column '{column}' holds a value of {value:.3g}, above the supported {high:.0e}. Check the file, "
        "or rescale the column (for example to millions) before training.",
        "ko": "'{column}' 열에 {value:.3g}라는 값이 있어 지원하는 최댓값 {high:.0e}을(를) 넘습니다. 파일을 확인하거나, "
        "학습 전에 열의 단위를 바꾸세요(예: 백만 단위).",
    },
}

