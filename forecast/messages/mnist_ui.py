"""Messages of the app's MNIST tab: labels, help texts, chart titles and gate explanations."""

_DATA: dict[str, dict[str, str]] = {
    "mnist_ui_intro": {
        "en": "Classify handwritten digits with GRU, LSTM and biLSTM. Each 28 × 28 image is read as a sequence: "
        "28 time steps, one image row of 28 pixels per step. Pick the data and settings, press Train, then look "
        "inside a trained model.",
        "ko": "GRU, LSTM, 양방향 LSTM으로 손글씨 숫자를 분류합니다. 28 × 28 이미지를 시퀀스로 읽습니다. 시점마다 "
        "이미지의 한 행(픽셀 28개)을 넣어 28 시점을 읽습니다. 데이터와 설정을 고르고 학습 버튼을 누른 뒤, "
        "학습한 모델의 내부를 들여다보세요.",
    },
    "mnist_ui_data_header": {"en": "1. Digits", "ko": "1. 숫자 데이터"},
    "mnist_ui_source_label": {"en": "Source", "ko": "데이터 출처"},
    "mnist_ui_source_help": {
        "en": "Bundled sample: 5,000 real MNIST digits shipped with the app (4,000 train, 1,000 test). Folder: "
        "the four MNIST IDX files (.gz or unpacked) in a folder on the server, for example torchvision's "
        "MNIST/raw. Download: full MNIST (60,000 + 10,000 digits), fetched once with checksums verified.",
        "ko": "내장 예제: 앱에 들어 있는 실제 MNIST 숫자 5,000개(학습 4,000, 테스트 1,000)입니다. 폴더: 서버의 한 "
        "폴더에 있는 MNIST IDX 파일 네 개(.gz 또는 압축 해제본)로, torchvision이 남긴 MNIST/raw 폴더도 됩니다. "
        "내려받기: 전체 MNIST(60,000 + 10,000개)를 한 번 내려받고 체크섬을 확인합니다.",
    },
    "mnist_ui_source_sample": {"en": "Bundled sample", "ko": "내장 예제"},
    "mnist_ui_source_folder": {"en": "IDX files in a folder", "ko": "폴더의 IDX 파일"},
    "mnist_ui_source_download": {"en": "Download full MNIST", "ko": "전체 MNIST 내려받기"},
    "mnist_ui_folder_label": {"en": "Folder on the server", "ko": "서버의 폴더 경로"},
    "mnist_ui_folder_help": {
        "en": "A folder containing train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
        "t10k-labels-idx1-ubyte (.gz or not). Its MNIST/raw and raw subfolders are searched too. Press Enter "
        "to load.",
        "ko": "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte "
        "(.gz여도 됨)가 든 폴더입니다. 그 안의 MNIST/raw, raw 폴더도 찾아봅니다. Enter를 누르면 불러옵니다.",
    },
    "mnist_ui_folder_restricted": {
        "en": "On this server, only folders the administrator has set up for MNIST can be read.",
        "ko": "이 서버에서는 관리자가 MNIST용으로 정해 둔 폴더만 읽을 수 있습니다.",
    },
    "mnist_ui_folder_waiting": {
        "en": "Enter the folder that contains the MNIST IDX files and press Enter.",
        "ko": "MNIST IDX 파일이 든 폴더 경로를 입력하고 Enter를 누르세요.",
    },
    "mnist_ui_download_note": {
        "en": "Downloads the four MNIST files (about 11 MB) once into {folder}; later sessions reuse them. "
        "This needs an internet connection.",
        "ko": "MNIST 파일 네 개(약 11 MB)를 {folder}에 한 번만 내려받고, 이후에는 다시 씁니다. 인터넷 연결이 필요합니다.",
    },
    "mnist_ui_download_button": {"en": "Download MNIST", "ko": "MNIST 내려받기"},
    "mnist_ui_downloading": {"en": "Downloading MNIST ...", "ko": "MNIST 내려받는 중 ..."},
    "mnist_ui_data_fix": {
        "en": "In the app: choose the bundled sample above, or enter another folder.",
        "ko": "앱에서는 위에서 내장 예제를 고르거나 다른 폴더를 입력하세요.",
    },
    "mnist_ui_load_crashed": {
        "en": "Loading the digits failed unexpectedly. Try the bundled sample; the details are in the server log.",
        "ko": "숫자 데이터를 불러오다 예기치 않은 오류가 났습니다. 내장 예제를 써 보세요. 자세한 내용은 서버 로그에 있습니다.",
    },
    "mnist_ui_data_summary": {
        "en": "{source}: {train:,} training and {test:,} test digits. The test digits are used only for the final "
        "scores; 10 % of the training digits are held out for validation.",
        "ko": "{source}: 학습 숫자 {train:,}개, 테스트 숫자 {test:,}개. 테스트 숫자는 최종 점수에만 쓰고, 학습 숫자의 "
        "10 %는 검증용으로 떼어 둡니다.",
    },
}

_SETTINGS: dict[str, dict[str, str]] = {
    "mnist_ui_settings_header": {"en": "2. Models and training settings", "ko": "2. 모델과 학습 설정"},
    "mnist_ui_models_label": {"en": "Models", "ko": "모델"},
    "mnist_ui_models_help": {
        "en": "Each chosen model is trained with the same settings and seed, one after another.",
        "ko": "선택한 모델을 같은 설정과 시드로 하나씩 차례로 학습합니다.",
    },
    "mnist_ui_impl_label": {"en": "Implementation", "ko": "구현 방식"},
    "mnist_ui_impl_help": {
        "en": "Fused: PyTorch's nn.GRU / nn.LSTM. From-scratch cells: the gate equations written out and looped over "
        "the 28 rows in Python; same results, several times slower.",
        "ko": "fused: PyTorch의 nn.GRU / nn.LSTM입니다. 직접 구현한 셀: 게이트 식을 그대로 적고 28개 행을 파이썬 "
        "반복문으로 돕니다. 결과는 같지만 몇 배 느립니다.",
    },
    "mnist_ui_compile_label": {"en": "Compile the cells", "ko": "셀 컴파일"},
    "mnist_ui_compile_help": {
        "en": "Runs the from-scratch cell steps through torch.compile. The first run spends seconds to minutes "
        "compiling; if compiling fails, the cells run uncompiled and the results table says so.",
        "ko": "직접 구현한 셀의 계산을 torch.compile로 실행합니다. 처음에는 컴파일에 몇 초에서 몇 분이 걸립니다. "
        "컴파일에 실패하면 컴파일 없이 실행하며, 결과 표에 그렇게 표시됩니다.",
    },
    "mnist_ui_preset_label": {"en": "Preset", "ko": "프리셋"},
    "mnist_ui_preset_help": {
        "en": "Choosing a preset fills in hidden size, optimizer, learning rate, batch size and epochs; you can "
        "change them afterwards.",
        "ko": "프리셋을 고르면 은닉 크기, 옵티마이저, 학습률, 배치 크기, 에포크가 채워집니다. 그 뒤에 바꿀 수 있습니다.",
    },
    "mnist_ui_preset_textbook": {"en": "textbook", "ko": "교재 설정"},
    "mnist_ui_preset_fast": {"en": "fast", "ko": "빠른 설정"},
    "mnist_ui_preset_textbook_about": {
        "en": "Textbook preset: the classic recipe. Hidden {hidden}, {optimizer} with learning rate {lr}, batch "
        "{batch}, {epochs} epochs, {validation}, {clipping}.",
        "ko": "교재 설정: 교재의 원래 방식입니다. 은닉 {hidden}, {optimizer} 학습률 {lr}, 배치 {batch}, "
        "에포크 {epochs}, {validation}, {clipping}.",
    },
    "mnist_ui_preset_fast_about": {
        "en": "Fast preset: hidden {hidden}, {optimizer} with learning rate {lr}, batch {batch}, {epochs} epochs, "
        "{validation}, {clipping}. Adam reaches a given accuracy in far fewer steps than plain SGD here.",
        "ko": "빠른 설정: 은닉 {hidden}, {optimizer} 학습률 {lr}, 배치 {batch}, 에포크 {epochs}, {validation}, "
        "{clipping}. 이 문제에서는 Adam이 일반 SGD보다 훨씬 적은 스텝으로 같은 정확도에 이릅니다.",
    },
    "mnist_ui_eval_epoch": {"en": "validation once per epoch", "ko": "에포크마다 한 번 검증"},
    "mnist_ui_eval_steps": {"en": "validation every {steps} steps", "ko": "{steps} 스텝마다 검증"},
    "mnist_ui_clip_off": {"en": "no gradient clipping", "ko": "기울기 클리핑 없음"},
    "mnist_ui_clip_on": {"en": "gradients clipped to norm {norm:g}", "ko": "기울기 노름을 {norm:g}으로 클리핑"},
    "mnist_ui_overridden": {
        "en": "Some values differ from the preset; the values shown are the ones used.",
        "ko": "일부 값이 프리셋과 다릅니다. 화면에 보이는 값으로 학습합니다.",
    },
    "mnist_ui_hidden_size_label": {"en": "Hidden size", "ko": "은닉 상태 크기"},
    "mnist_ui_hidden_size_help": {
        "en": "Units of the hidden state per direction ({low}–{high}). The textbook uses 128.",
        "ko": "방향마다 은닉 상태의 유닛 수입니다 ({low}–{high}). 교재는 128을 씁니다.",
    },
    "mnist_ui_optimizer_label": {"en": "Optimizer", "ko": "옵티마이저"},
    "mnist_ui_optimizer_help": {
        "en": "SGD takes plain gradient steps, as in the textbook; Adam adapts the step size of each weight.",
        "ko": "SGD는 교재처럼 기울기 방향으로 그대로 이동하고, Adam은 가중치마다 이동 크기를 조절합니다.",
    },
    "mnist_ui_lr_label": {"en": "Learning rate", "ko": "학습률"},
    "mnist_ui_lr_help": {
        "en": "Step size of the optimizer. The textbook's SGD uses 0.1; Adam needs far smaller values, such as 0.005.",
        "ko": "옵티마이저의 이동 크기입니다. 교재의 SGD는 0.1을 쓰고, Adam은 0.005처럼 훨씬 작은 값이 맞습니다.",
    },
    "mnist_ui_batch_size_label": {"en": "Batch size", "ko": "배치 크기"},
    "mnist_ui_batch_size_help": {
        "en": "Digits per optimizer step ({low}–{high}).",
        "ko": "옵티마이저 한 스텝에 쓰는 숫자 이미지 수입니다 ({low}–{high}).",
    },
    "mnist_ui_epochs_label": {"en": "Epochs", "ko": "에포크"},
    "mnist_ui_epochs_help": {
        "en": "Passes over the training digits ({low}–{high}). The model keeps the weights with the lowest "
        "validation loss.",
        "ko": "학습 숫자 전체를 몇 번 반복할지 정합니다 ({low}–{high}). 검증 손실이 가장 낮았던 가중치를 남깁니다.",
    },
    "mnist_ui_train_digits_label": {"en": "Training digits used", "ko": "사용할 학습 숫자 수"},
    "mnist_ui_train_digits_help": {
        "en": "Trains on a class-balanced subset of this many training digits ({low}–{high}), 10 % of them held out "
        "for validation. Fewer digits train faster; all test digits are still scored.",
        "ko": "이만큼의 학습 숫자를 숫자별 비율을 맞춰 뽑아 학습합니다 ({low}–{high}). 그중 10 %는 검증용입니다. "
        "적을수록 빨리 끝나며, 테스트 숫자는 모두 채점합니다.",
    },
    "mnist_ui_seed_label": {"en": "Seed", "ko": "시드"},
    "mnist_ui_seed_help": {
        "en": "Random seed for the initial weights, shuffling, the validation split and the subset; the same seed "
        "repeats a CPU run exactly.",
        "ko": "초기 가중치, 섞기, 검증 분할, 부분 집합 추출에 쓰는 난수 시드입니다. CPU에서는 같은 시드로 같은 결과가 "
        "나옵니다.",
    },
    "mnist_ui_caps_note": {
        "en": "Limits on this server, so that one run stays within minutes: epochs ≤ {epochs_max}, hidden size ≤ "
        "{hidden_size_max}, batch ≤ {batch_size_max}, training digits ≤ {train_digits_max:,}. Larger runs belong "
        "on your own machine with the command line (python -m forecast mnist).",
        "ko": "이 서버에서 한 번의 학습이 몇 분 안에 끝나도록 정한 한도: 에포크 ≤ {epochs_max}, 은닉 상태 크기 ≤ "
        "{hidden_size_max}, 배치 ≤ {batch_size_max}, 학습 숫자 ≤ {train_digits_max:,}. 더 큰 학습은 자신의 "
        "컴퓨터에서 명령줄(python -m forecast mnist)로 실행하세요.",
    },
}

_TRAINING: dict[str, dict[str, str]] = {
    "mnist_ui_train_button": {"en": "Train on MNIST", "ko": "MNIST 학습 시작"},
    "mnist_ui_train_help": {
        "en": "Trains the chosen models one after another on the chosen digits.",
        "ko": "고른 숫자 데이터로 선택한 모델을 차례로 학습합니다.",
    },
    "mnist_ui_train_disabled_help": {
        "en": "Load the digits and fix the settings shown in red first.",
        "ko": "먼저 숫자 데이터를 불러오고 빨간색으로 표시된 설정을 고치세요.",
    },
    "mnist_ui_stop_button": {"en": "Stop MNIST training", "ko": "MNIST 학습 중지"},
    "mnist_ui_stop_help": {
        "en": "Stops at the next validation report and discards this run; earlier results stay.",
        "ko": "다음 검증 보고 시점에 멈추고 이번 학습은 버립니다. 이전 결과는 남습니다.",
    },
    "mnist_ui_stopping": {
        "en": "Stopping at the next validation report ...",
        "ko": "다음 검증 보고 시점에 멈춥니다 ...",
    },
    "mnist_ui_progress_waiting": {"en": "{model}: waiting", "ko": "{model}: 대기 중"},
    "mnist_ui_progress": {
        "en": "{model}: epoch {epoch}/{epochs}, step {step}/{steps}, validation accuracy {accuracy}, "
        "train loss {loss}, {seconds} s",
        "ko": "{model}: 에포크 {epoch}/{epochs}, 스텝 {step}/{steps}, 검증 정확도 {accuracy}, 학습 손실 {loss}, "
        "{seconds}초",
    },
    "mnist_ui_progress_done": {
        "en": "{model}: done, validation accuracy {accuracy}, {seconds} s",
        "ko": "{model}: 완료, 검증 정확도 {accuracy}, {seconds}초",
    },
    "mnist_ui_trained_notice": {
        "en": "MNIST training finished. The results are below.",
        "ko": "MNIST 학습이 끝났습니다. 결과는 아래에 있습니다.",
    },
    "mnist_ui_accuracy_title": {"en": "Validation accuracy", "ko": "검증 정확도"},
    "mnist_ui_accuracy_axis": {"en": "accuracy", "ko": "정확도"},
    "mnist_ui_loss_title": {"en": "Cross-entropy loss", "ko": "교차 엔트로피 손실"},
    "mnist_ui_loss_axis": {"en": "loss (log scale)", "ko": "손실 (로그 눈금)"},
    "mnist_ui_step_axis": {"en": "optimizer step", "ko": "옵티마이저 스텝"},
}

_RESULTS: dict[str, dict[str, str]] = {
    "mnist_ui_results_header": {"en": "3. Results on the test digits", "ko": "3. 테스트 숫자에 대한 결과"},
    "mnist_ui_results_caption": {
        "en": "{source}, {train:,} training digits, {test:,} test digits never seen in training. Preset {preset}: "
        "hidden {hidden}, {optimizer} learning rate {lr}, batch {batch}, {epochs} epochs, seed {seed}. Device: "
        "{device}.",
        "ko": "{source}, 학습 숫자 {train:,}개, 학습에 쓰지 않은 테스트 숫자 {test:,}개. {preset}: 은닉 {hidden}, "
        "{optimizer} 학습률 {lr}, 배치 {batch}, 에포크 {epochs}, 시드 {seed}. 장치: {device}.",
    },
    "mnist_ui_scores_title": {"en": "Scores per model", "ko": "모델별 점수"},
    "mnist_ui_col_model": {"en": "model", "ko": "모델"},
    "mnist_ui_col_accuracy": {"en": "test accuracy", "ko": "테스트 정확도"},
    "mnist_ui_col_loss": {"en": "test loss", "ko": "테스트 손실"},
    "mnist_ui_col_seconds": {"en": "training time (s)", "ko": "학습 시간 (초)"},
    "mnist_ui_col_speed": {"en": "digits/s", "ko": "초당 숫자 수"},
    "mnist_ui_col_epochs": {"en": "epochs", "ko": "에포크"},
    "mnist_ui_col_parameters": {"en": "parameters", "ko": "파라미터 수"},
    "mnist_ui_col_recurrent": {"en": "recurrent layer", "ko": "순환층 파라미터"},
    "mnist_ui_col_path": {"en": "code path", "ko": "실행 경로"},
    "mnist_ui_path_fused": {"en": "fused (torch)", "ko": "fused (torch 제공)"},
    "mnist_ui_path_cell": {"en": "from-scratch cells", "ko": "직접 구현한 셀"},
    "mnist_ui_path_compiled": {"en": "from-scratch cells, compiled", "ko": "직접 구현한 셀 (컴파일)"},
    "mnist_ui_scores_note": {
        "en": "Test loss is the mean cross-entropy on the test digits. Training time includes the validation "
        "reports.",
        "ko": "테스트 손실은 테스트 숫자에 대한 평균 교차 엔트로피입니다. 학습 시간에는 검증 시간도 들어 있습니다.",
    },
    "mnist_ui_parameters_note": {
        "en": "With hidden size {hidden}, a GRU's recurrent layer has {gru} weights and an LSTM's has {lstm}: "
        "ratio {ratio}. A GRU computes three blocks (reset, update, candidate) where an LSTM computes four "
        "(input, forget, candidate, output), so it has 3/4 of the recurrent weights. A biLSTM has twice an "
        "LSTM's.",
        "ko": "은닉 크기 {hidden}에서 GRU 순환층의 가중치는 {gru}개, LSTM은 {lstm}개로 비율은 {ratio}입니다. "
        "LSTM이 네 묶음(입력, 망각, 후보, 출력)을 계산할 때 GRU는 세 묶음(리셋, 업데이트, 후보)만 계산하므로 "
        "순환 가중치가 3/4입니다. 양방향 LSTM은 LSTM의 두 배입니다.",
    },
    "mnist_ui_curves_header": {"en": "Training curves", "ko": "학습 곡선"},
    "mnist_ui_confusion_header": {"en": "Confusion matrix and wrong predictions", "ko": "혼동 행렬과 틀린 예측"},
    "mnist_ui_model_shown": {"en": "Model shown", "ko": "보여 줄 모델"},
    "mnist_ui_confusion_title": {"en": "{model}: confusion matrix", "ko": "{model}: 혼동 행렬"},
    "mnist_ui_predicted_axis": {"en": "predicted digit", "ko": "예측한 숫자"},
    "mnist_ui_true_axis": {"en": "true digit", "ko": "실제 숫자"},
    "mnist_ui_wrong_title": {
        "en": "{wrong:,} of {total:,} test digits misclassified",
        "ko": "테스트 숫자 {total:,}개 중 {wrong:,}개를 틀림",
    },
    "mnist_ui_wrong_none": {"en": "Every test digit was classified correctly.", "ko": "모든 테스트 숫자를 맞혔습니다."},
    "mnist_ui_wrong_caption": {"en": "#{index}: {true} → {predicted}", "ko": "{index}번: {true} → {predicted}"},
    "mnist_ui_wrong_hint": {
        "en": "The first {shown} wrong predictions, as #test number: true → predicted. Enter an index below to look "
        "inside the model on that digit.",
        "ko": "틀린 예측 중 처음 {shown}개를 '테스트 번호: 실제 → 예측'으로 보여 줍니다. 아래에 번호를 넣으면 그 숫자에서 "
        "모델 내부를 볼 수 있습니다.",
    },
}

_INSIDE: dict[str, dict[str, str]] = {
    "mnist_ui_inside_header": {"en": "4. Look inside", "ko": "4. 모델 내부 들여다보기"},
    "mnist_ui_inside_intro": {
        "en": "Pick a test digit and watch the model read it row by row: how its confidence builds, and what its "
        "gates do at each of the 28 steps.",
        "ko": "테스트 숫자를 하나 골라 모델이 한 행씩 읽는 모습을 보세요. 확신이 어떻게 쌓이는지, 28 시점마다 게이트가 "
        "무엇을 하는지 보여 줍니다.",
    },
    "mnist_ui_digit_label": {"en": "Test digit number", "ko": "테스트 숫자 번호"},
    "mnist_ui_digit_help": {
        "en": "Index of the test digit, 0 to {last}.",
        "ko": "테스트 숫자의 번호입니다 (0–{last}).",
    },
    "mnist_ui_direction_label": {"en": "Direction", "ko": "방향"},
    "mnist_ui_direction_help": {
        "en": "A biLSTM has two cells: the forward one reads rows top to bottom, the backward one bottom to top.",
        "ko": "양방향 LSTM에는 셀이 둘 있습니다. 순방향 셀은 위에서 아래로, 역방향 셀은 아래에서 위로 행을 읽습니다.",
    },
    "mnist_ui_direction_0": {"en": "forward", "ko": "순방향"},
    "mnist_ui_direction_1": {"en": "backward", "ko": "역방향"},
    "mnist_ui_digit_caption": {
        "en": "True: **{true}**  \nPredicted: **{predicted}** ({confidence})",
        "ko": "실제: **{true}**  \n예측: **{predicted}** ({confidence})",
    },
    "mnist_ui_probabilities_title": {
        "en": "{model}: class probabilities after each row is read",
        "ko": "{model}: 각 행을 읽은 뒤의 클래스별 확률",
    },
    "mnist_ui_row_axis": {"en": "image row read (time step)", "ko": "읽은 이미지 행 (시점)"},
    "mnist_ui_class_axis": {"en": "digit", "ko": "숫자"},
    "mnist_ui_probabilities_note": {
        "en": "Column t is the softmax of the model run on rows 1 to t only. The final prediction leads from row "
        "{row} on. For a biLSTM the backward cell also sees only those rows.",
        "ko": "t번째 열은 1행부터 t행까지만 넣었을 때의 소프트맥스 확률입니다. 최종 예측은 {row}행부터 계속 1위입니다. "
        "양방향 LSTM의 역방향 셀도 그 행들만 봅니다.",
    },
    "mnist_ui_gates_header": {
        "en": "Gate activations over the 28 steps (last layer)",
        "ko": "28 시점 동안의 게이트 값 (마지막 층)",
    },
    "mnist_ui_unit_axis": {"en": "hidden unit", "ko": "은닉 유닛"},
    "mnist_ui_units_cut": {
        "en": "Only the first {shown} of {hidden} hidden units are drawn.",
        "ko": "은닉 유닛 {hidden}개 중 처음 {shown}개만 그립니다.",
    },
    "mnist_ui_gate_reset_title": {"en": "Reset gate r_t", "ko": "리셋 게이트 r_t"},
    "mnist_ui_gate_reset_about": {
        "en": "Reset gate: how much of the previous hidden state enters the candidate. Near 0 the candidate "
        "ignores the past and starts fresh from the current row; near 1 it uses the past fully.",
        "ko": "리셋 게이트: 이전 은닉 상태를 후보 상태에 얼마나 반영할지 정합니다. 0에 가까우면 과거를 무시하고 현재 행만으로 "
        "새로 시작하고, 1에 가까우면 과거를 그대로 씁니다.",
    },
    "mnist_ui_gate_update_title": {"en": "Update gate z_t", "ko": "업데이트 게이트 z_t"},
    "mnist_ui_gate_update_about": {
        "en": "Update gate (PyTorch's convention): near 1 the unit keeps its old state, near 0 it takes the new "
        "candidate. The textbook's equation names the mirror image, 1 − z_t.",
        "ko": "업데이트 게이트 (PyTorch 방식): 1에 가까우면 이전 상태를 유지하고, 0에 가까우면 새 후보 상태를 받아들입니다. "
        "교재의 식은 그 반대인 1 − z_t를 z라고 부릅니다.",
    },
    "mnist_ui_gate_candidate_title": {"en": "Candidate state n_t", "ko": "후보 상태 n_t"},
    "mnist_ui_gate_candidate_about": {
        "en": "Candidate state: the new content proposed at each step, a tanh value in (−1, 1) (red positive, "
        "blue negative).",
        "ko": "후보 상태: 시점마다 제안되는 새 내용으로, tanh 값이라 (−1, 1) 사이입니다 (빨강은 양수, 파랑은 음수).",
    },
    "mnist_ui_gate_input_title": {"en": "Input gate i_t", "ko": "입력 게이트 i_t"},
    "mnist_ui_gate_input_about": {
        "en": "Input gate: how much of the candidate g_t is written into the cell state. Near 1 the current row "
        "is stored, near 0 it is ignored.",
        "ko": "입력 게이트: 후보 g_t를 셀 상태에 얼마나 쓸지 정합니다. 1에 가까우면 현재 행의 내용을 저장하고, 0에 가까우면 "
        "무시합니다.",
    },
    "mnist_ui_gate_forget_title": {"en": "Forget gate f_t", "ko": "망각 게이트 f_t"},
    "mnist_ui_gate_forget_about": {
        "en": "Forget gate: how much of the previous cell state is kept. Near 1 the old cell state is kept, "
        "near 0 it is erased (which also cuts the gradient path through the cell).",
        "ko": "망각 게이트: 이전 셀 상태를 얼마나 남길지 정합니다. 1에 가까우면 이전 셀 상태를 유지하고, 0에 가까우면 "
        "지웁니다 (셀을 통한 기울기 흐름도 끊깁니다).",
    },
    "mnist_ui_gate_output_title": {"en": "Output gate o_t", "ko": "출력 게이트 o_t"},
    "mnist_ui_gate_output_about": {
        "en": "Output gate: how much of tanh(c_t) becomes the hidden state h_t. At 0 it blocks the output, at 1 "
        "it lets it through; the cell state is kept either way.",
        "ko": "출력 게이트: tanh(c_t)를 은닉 상태 h_t로 얼마나 내보낼지 정합니다. 0이면 출력을 막고, 1이면 그대로 "
        "내보냅니다. 어느 쪽이든 셀 상태는 유지됩니다.",
    },
    "mnist_ui_gate_cell_state_title": {"en": "Cell state c_t", "ko": "셀 상태 c_t"},
    "mnist_ui_gate_cell_state_about": {
        "en": "Cell state: the LSTM's memory, updated additively as c_t = f_t ⊙ c_(t−1) + i_t ⊙ g_t; it is not "
        "bounded (red positive, blue negative).",
        "ko": "셀 상태: LSTM의 기억으로, c_t = f_t ⊙ c_(t−1) + i_t ⊙ g_t처럼 더하는 방식으로 갱신됩니다. 범위 제한이 "
        "없습니다 (빨강은 양수, 파랑은 음수).",
    },
    "mnist_ui_equivalence_header": {
        "en": "From-scratch cell versus torch's layer",
        "ko": "직접 구현한 셀과 torch 층 비교",
    },
    "mnist_ui_equivalence_intro": {
        "en": "The from-scratch layer and torch's nn.GRU / nn.LSTM run with the same weights on this digit; the "
        "figures are the largest absolute differences.",
        "ko": "직접 구현한 층과 torch의 nn.GRU / nn.LSTM을 같은 가중치로 이 숫자에 돌렸습니다. 숫자는 가장 큰 절대 "
        "차이입니다.",
    },
    "mnist_ui_equivalence_output": {"en": "outputs, all 28 steps", "ko": "출력 (28 시점 전체)"},
    "mnist_ui_equivalence_state": {"en": "final hidden state h_n", "ko": "마지막 은닉 상태 h_n"},
    "mnist_ui_equivalence_ok": {
        "en": "Both differences are below {tolerance}: float32 rounding only, the two compute the same equations.",
        "ko": "두 차이 모두 {tolerance}보다 작습니다. float32 반올림 오차일 뿐, 둘은 같은 식을 계산합니다.",
    },
    "mnist_ui_equivalence_off": {
        "en": "The largest difference, {difference}, is above {tolerance}. The two layers disagree; please report "
        "this with the model and digit number.",
        "ko": "가장 큰 차이 {difference}가 {tolerance}보다 큽니다. 두 층의 계산이 다릅니다. 모델과 숫자 번호를 함께 "
        "알려 주세요.",
    },
    "mnist_ui_inside_crashed": {
        "en": "This view failed unexpectedly. Pick another digit or model; the details are in the server log.",
        "ko": "이 화면을 그리다 예기치 않은 오류가 났습니다. 다른 숫자나 모델을 골라 보세요. 자세한 내용은 서버 로그에 있습니다.",
    },
    "mnist_ui_equations_header": {"en": "Gate equations", "ko": "게이트 식"},
    "mnist_ui_equations_lstm": {"en": "LSTM", "ko": "LSTM"},
    "mnist_ui_equations_lstm_note": {
        "en": "[h_(t−1), x_t] is the previous hidden state next to the current row. The forget term f_t ⊙ c_(t−1) "
        "keeps the old cell state; an output gate of 0 blocks the output and 1 lets it through.",
        "ko": "[h_(t−1), x_t]는 이전 은닉 상태와 현재 행을 이어 붙인 것입니다. 망각 항 f_t ⊙ c_(t−1)이 이전 셀 상태를 "
        "남기고, 출력 게이트가 0이면 출력을 막고 1이면 내보냅니다.",
    },
    "mnist_ui_equations_gru": {"en": "GRU (PyTorch's convention)", "ko": "GRU (PyTorch 방식)"},
    "mnist_ui_equations_gru_note": {
        "en": "An update gate z_t near 1 keeps the previous state. The textbook's equation writes the mirror image:",
        "ko": "업데이트 게이트 z_t가 1에 가까우면 이전 상태를 유지합니다. 교재의 식은 그 반대로 적습니다:",
    },
    "mnist_ui_equations_gru_mirror": {
        "en": "There z_t names the share of the new candidate, so the textbook's z_t is PyTorch's 1 − z_t. The "
        "code in the textbook, like this app, computes PyTorch's form.",
        "ko": "교재의 식에서 z_t는 새 후보의 비율을 뜻하므로, 교재의 z_t는 PyTorch의 1 − z_t입니다. 교재의 코드와 이 "
        "앱은 PyTorch 방식을 계산합니다.",
    },
}

MESSAGES: dict[str, dict[str, str]] = {**_DATA, **_SETTINGS, **_TRAINING, **_RESULTS, **_INSIDE}
