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
}
