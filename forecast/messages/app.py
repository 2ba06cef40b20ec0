"""Messages of the Streamlit app: labels, help texts, notes."""

MESSAGES: dict[str, dict[str, str]] = {
    "app_title": {"en": "RNN Forecast Lab: GRU, LSTM and biLSTM", "ko": "RNN 예측 실습실: GRU, LSTM, 양방향 LSTM"},
    "tab_prices": {"en": "Stock prices", "ko": "주가 예측"},
    "tab_mnist": {"en": "MNIST", "ko": "MNIST"},
    "tab_about": {"en": "About", "ko": "소개"},
}
