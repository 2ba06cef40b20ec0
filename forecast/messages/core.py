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
        "ko": "표에는 {value}개 행이 있지만, 윈도 {window}와 예측 기간 {horizon}으로 학습·검증·테스트 구간을 "
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
        "ko": "표에는 {value}개 행이 있지만, 윈도 {window}와 예측 기간 {horizon}으로 학습·검증·테스트 구간을 "
        "만들려면 최소 {needed}개 행이 필요하며, 윈도를 1로 줄여도 행이 모자랍니다. 더 긴 기간의 데이터를 불러오세요.",
    },
}
