"""Messages of the mnist area: ``{key: {"en": ..., "ko": ...}}``.

Errors (``ForecastError`` keys) first, then the labels of ``python -m forecast mnist``.
"""

_ERRORS: dict[str, dict[str, str]] = {
    "mnist_sample_missing": {
        "en": "The bundled MNIST sample {value} was not found. Reinstall the project or run "
        "scripts/export_mnist_sample.py.",
        "ko": "내장 MNIST 샘플 {value}을(를) 찾을 수 없습니다. 프로젝트를 다시 설치하거나 "
        "scripts/export_mnist_sample.py를 실행하세요.",
    },
    "mnist_folder_not_found": {
        "en": "MNIST folder not found: {value}. Give the folder that contains the four IDX files "
        "(or its MNIST/raw folder), or use --data sample.",
        "ko": "MNIST 폴더를 찾을 수 없습니다: {value}. IDX 파일 네 개가 든 폴더(또는 그 안의 MNIST/raw 폴더)를 "
        "지정하거나 --data sample을 쓰세요.",
    },
    "mnist_files_missing": {
        "en": "MNIST files missing in {value} (also looked in MNIST/raw and raw): {missing}. "
        "Put the four IDX files there, .gz or unpacked, or use --data download.",
        "ko": "{value}에 MNIST 파일이 없습니다(MNIST/raw, raw 폴더도 확인함): {missing}. "
        "IDX 파일 네 개(.gz 또는 압축 해제본)를 넣거나 --data download를 쓰세요.",
    },
    "mnist_bad_idx": {
        "en": "{value} is not a valid MNIST IDX file: {reason}. Download the file again.",
        "ko": "{value}은(는) 올바른 MNIST IDX 파일이 아닙니다: {reason}. 파일을 다시 내려받으세요.",
    },
    "mnist_too_few_digits": {
        "en": "{value} has {train} training and {test} test digits, too few to train and score a model. The minimum "
        "is {train_min} training digits and {test_min} for testing. Put more digits in the IDX files, or use "
        "the bundled sample (--data sample).",
        "ko": "{value}에는 학습 숫자 {train}개, 테스트 숫자 {test}개가 있어 모델을 학습하고 채점하기에 너무 적습니다. "
        "학습 숫자 {train_min}개 이상, 테스트 숫자 {test_min}개 이상이 필요합니다. IDX 파일에 숫자를 더 넣거나 "
        "내장 샘플(--data sample)을 쓰세요.",
    },
    "mnist_folder_not_allowed": {
        "en": "The folder {value} is not allowed on this server. Ask the administrator, or use the bundled sample.",
        "ko": "이 서버에서는 {value} 폴더를 쓸 수 없습니다. 관리자에게 문의하거나 내장 예제를 쓰세요.",
    },
    "mnist_duplicate_models": {
        "en": "Model '{value}' is listed more than once in {models}. List each model once, for example "
        "--models gru,lstm,bilstm.",
        "ko": "모델 '{value}'이(가) {models}에 두 번 이상 들어 있습니다. 모델은 한 번씩만 쓰세요. "
        "예: --models gru,lstm,bilstm.",
    },
    "mnist_download_failed": {
        "en": "Could not download {value} from any MNIST mirror ({reason}). Check the internet connection, "
        "or download the four IDX files yourself and pass their folder with --data PATH.",
        "ko": "어느 MNIST 미러에서도 {value}을(를) 내려받지 못했습니다({reason}). 인터넷 연결을 확인하거나, "
        "IDX 파일 네 개를 직접 내려받아 --data PATH로 그 폴더를 지정하세요.",
    },
    "mnist_checksum_mismatch": {
        "en": "The file from {value} has MD5 checksum {actual}, expected {expected}; it was not saved. "
        "Try again later or download the files yourself and pass their folder with --data PATH.",
        "ko": "{value}에서 받은 파일의 MD5 체크섬이 {actual}로, 기대값 {expected}와 다릅니다. 파일은 저장하지 "
        "않았습니다. 나중에 다시 시도하거나 파일을 직접 내려받아 --data PATH로 폴더를 지정하세요.",
    },
    "mnist_unknown_preset": {
        "en": "Unknown preset '{value}'. Choose one of: {valid}.",
        "ko": "알 수 없는 프리셋 '{value}'입니다. 다음 중에서 고르세요: {valid}.",
    },
    "mnist_output_unwritable": {
        "en": "Could not write the results to {value}: {reason}. Choose another folder with --out.",
        "ko": "결과를 {value}에 쓰지 못했습니다: {reason}. --out으로 다른 폴더를 지정하세요.",
    },
}

_LABELS: dict[str, dict[str, str]] = {
    "mnist_data_line": {
        "en": "Data: {source}, {train} training and {test} test digits",
        "ko": "데이터: {source}, 학습 {train}개, 테스트 {test}개 숫자",
    },
    "mnist_settings_line": {
        "en": "Preset {preset}: hidden {hidden_size}, {optimizer} lr {lr}, batch {batch_size}, {epochs} epochs, "
        "implementation {impl}, device {device}",
        "ko": "프리셋 {preset}: 은닉 {hidden_size}, {optimizer} 학습률 {lr}, 배치 {batch_size}, 에포크 {epochs}, "
        "구현 {impl}, 장치 {device}",
    },
    "mnist_progress_line": {
        "en": "{model} epoch {epoch}/{epochs}, step {step}: train loss {train_loss:.4f}, "
        "validation accuracy {val_accuracy:.2%}, {seconds:.1f}s",
        "ko": "{model} 에포크 {epoch}/{epochs}, 스텝 {step}: 학습 손실 {train_loss:.4f}, "
        "검증 정확도 {val_accuracy:.2%}, {seconds:.1f}초",
    },
    "mnist_compile_fallback": {
        "en": "Compiling the cells failed ({error}); they ran without compilation.",
        "ko": "셀 컴파일에 실패해({error}) 컴파일 없이 실행했습니다.",
    },
    "mnist_col_model": {"en": "model", "ko": "모델"},
    "mnist_col_accuracy": {"en": "test accuracy", "ko": "테스트 정확도"},
    "mnist_col_loss": {"en": "test loss", "ko": "테스트 손실"},
    "mnist_col_seconds": {"en": "train s", "ko": "학습 초"},
    "mnist_col_speed": {"en": "samples/s", "ko": "샘플/초"},
    "mnist_col_parameters": {"en": "parameters", "ko": "파라미터 수"},
    "mnist_col_recurrent": {"en": "recurrent", "ko": "순환층"},
    "mnist_written": {"en": "Metrics written to {path}", "ko": "지표를 {path}에 저장했습니다"},
}

MESSAGES: dict[str, dict[str, str]] = {**_ERRORS, **_LABELS}
