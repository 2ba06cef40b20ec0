"""Messages of the evaluation area: baselines, diagnostics, intervals, seeds, leakage and backtest."""

MESSAGES: dict[str, dict[str, str]] = {
    # Errors.
    "unknown_baseline": {
        "en": "Unknown baseline '{value}'. Valid baselines: {valid}.",
        "ko": "알 수 없는 기준 모델 '{value}'입니다. 사용할 수 있는 기준 모델: {valid}.",
    },
    "unknown_backtest_window": {
        "en": "Unknown backtest window '{value}'. Choose one of: {valid}.",
        "ko": "알 수 없는 백테스트 학습 구간 방식 '{value}'입니다. 다음 중에서 고르세요: {valid}.",
    },
    # Baseline names ("baseline_naive" lives with the core messages).
    "baseline_drift": {"en": "drift (line through the window)", "ko": "추세 기준(윈도 첫·끝 가격을 잇는 직선)"},
    "baseline_moving_average": {"en": "moving average of the window", "ko": "윈도 이동평균"},
    "baseline_linear": {"en": "linear (Ridge on the window)", "ko": "선형 기준(윈도에 대한 Ridge 회귀)"},
    # Diebold-Mariano readings.
    "dm_not_distinguishable": {
        "en": "not distinguishable from repeating the last price",
        "ko": "마지막 가격을 반복하는 것과 구별되지 않음",
    },
    "dm_better": {
        "en": "significantly more accurate than repeating the last price",
        "ko": "마지막 가격을 반복하는 것보다 유의하게 정확함",
    },
    "dm_worse": {
        "en": "significantly less accurate than repeating the last price",
        "ko": "마지막 가격을 반복하는 것보다 유의하게 부정확함",
    },
    "dm_explainer": {
        "en": "Diebold-Mariano test on the squared test errors against the naive baseline, with the "
        "Harvey-Leybourne-Newbold small-sample correction. A p-value of 0.05 or more means the test "
        "period cannot tell the model apart from repeating the last price.",
        "ko": "테스트 구간의 제곱 오차로 단순 기준과 비교한 Diebold-Mariano 검정입니다(Harvey-Leybourne-Newbold "
        "소표본 보정 적용). p-값이 0.05 이상이면 이 테스트 구간으로는 모델을 마지막 가격 반복과 구별할 수 없다는 뜻입니다.",
    },
    # Lag detector.
    "lag_flagged": {
        "en": "{model}: this model mostly repeats what already happened. Its daily changes match the actual "
        "changes {shift} day(s) earlier better than those of the day it forecasts, so its curve follows the "
        "price with a delay instead of anticipating it.",
        "ko": "{model}: 이 모델은 대부분 이미 일어난 움직임을 되풀이합니다. 예측의 일별 변화가 예측 대상일보다 "
        "{shift}일 전의 실제 변화와 더 잘 맞으므로, 예측 곡선이 가격을 미리 내다보지 못하고 늦게 따라갑니다.",
    },
    "lag_ok": {
        "en": "{model}: its daily changes match the actual changes of the day it forecasts best.",
        "ko": "{model}: 예측의 일별 변화가 예측 대상일의 실제 변화와 가장 잘 맞습니다.",
    },
    "lag_explainer": {
        "en": "Lag check: the correlation of the forecast's day-to-day changes with the actual changes shifted "
        "back by 0, 1, ... days. A peak at 0 is what a real forecast shows; a peak at 1 or more means the "
        "curve follows the price with a delay.",
        "ko": "지연 검사: 예측의 일별 변화와, 0일·1일·… 앞당긴 실제 변화 사이의 상관계수입니다. 진짜 예측은 "
        "0에서 가장 높고, 1 이상에서 가장 높으면 예측 곡선이 가격을 늦게 따라간다는 뜻입니다.",
    },
    # Intervals.
    "interval_explainer": {
        "en": "Split-conformal intervals: half-widths from the validation residuals of each step ahead. "
        "Coverage is the share of test prices inside the band; it should be close to the nominal level.",
        "ko": "분할 컨포멀 구간: 각 예측 단계의 검증 잔차로 폭을 정했습니다. 포함률은 테스트 가격 중 구간 안에 "
        "든 비율이며, 명목 수준에 가까워야 합니다.",
    },
    "interval_coverage_low": {
        "en": "{model}: the {nominal}% interval covered only {coverage:.1f}% of test prices. The test period "
        "was more volatile than the validation period, so the bands are too narrow.",
        "ko": "{model}: {nominal}% 구간이 테스트 가격의 {coverage:.1f}%만 포함했습니다. 테스트 구간의 변동성이 "
        "검증 구간보다 커서 구간이 너무 좁습니다.",
    },
    # Seeds.
    "seeds_explainer": {
        "en": "Mean ± standard deviation over {seeds} seeds. A difference between two models smaller than "
        "these deviations may be luck of the seed.",
        "ko": "시드 {seeds}개에 대한 평균 ± 표준편차입니다. 두 모델의 차이가 이 표준편차보다 작으면 시드 운일 수 있습니다.",
    },
    "seeds_single": {
        "en": "Trained with one seed. Train with 3 or more seeds to see how much the scores vary.",
        "ko": "시드 하나로 학습했습니다. 점수가 얼마나 흔들리는지 보려면 시드를 3개 이상으로 학습하세요.",
    },
    # Leakage demonstration.
    "leak_header": {
        "en": "Leakage demonstration (teaching experiment, not a result)",
        "ko": "데이터 누수 시연(교육용 실험이며 결과가 아님)",
    },
    "leak_scaler_range": {
        "en": "Target scaler fitted on the training rows: {low:.4g} to {high:.4g}; fitted on every row "
        "(leaky): {leaky_low:.4g} to {leaky_high:.4g}.",
        "ko": "학습 구간에 맞춘 대상 스케일러 범위: {low:.4g} ~ {high:.4g}, 전체 행에 맞춘 범위(누수): "
        "{leaky_low:.4g} ~ {leaky_high:.4g}.",
    },
    "leak_reading": {
        "en": "The leaky run saw the test period's range while training. Any advantage it shows is false: "
        "it could not exist when forecasting a real future.",
        "ko": "누수 실행은 학습 중에 테스트 구간의 값 범위를 보았습니다. 여기서 보이는 이점은 가짜이며, 실제 미래를 "
        "예측할 때는 존재할 수 없습니다.",
    },
    "label_clean_rmse": {"en": "RMSE (clean)", "ko": "RMSE(정상)"},
    "label_leaky_rmse": {"en": "RMSE (leaky)", "ko": "RMSE(누수)"},
    "label_clean_skill": {"en": "skill (clean)", "ko": "skill(정상)"},
    "label_leaky_skill": {"en": "skill (leaky)", "ko": "skill(누수)"},
    "leak_toggle": {
        "en": "Leakage demonstration: also fit the scaler on the whole series (teaching experiment)",
        "ko": "데이터 누수 시연: 전체 시계열에 스케일러도 맞춰 보기(교육용 실험)",
    },
    "leak_off": {
        "en": "The leakage demonstration was not run. Turn it on in the settings to see it.",
        "ko": "데이터 누수 시연을 실행하지 않았습니다. 설정에서 켜면 볼 수 있습니다.",
    },
    # Backtest.
    "backtest_explainer": {
        "en": "Walk-forward backtest: the test period is forecast in order; before every {every} forecasts "
        "the scalers are refitted and the model retrained on the rows known at that date ({window} window).",
        "ko": "워크포워드 백테스트: 테스트 구간을 순서대로 예측하며, {every}번의 예측마다 그 날짜까지 알려진 행으로 "
        "스케일러를 다시 맞추고 모델을 다시 학습합니다({window} 구간).",
    },
    "backtest_once": {"en": "the whole test period", "ko": "테스트 구간 전체"},
    "backtest_run": {"en": "Run the walk-forward backtest", "ko": "워크포워드 백테스트 실행"},
    "backtest_retrain_every": {
        "en": "Retrain every k forecasts (0 = train once)",
        "ko": "k번 예측마다 재학습(0 = 한 번만 학습)",
    },
    "backtest_window_label": {"en": "Training window", "ko": "학습 구간"},
    "backtest_window_expanding": {"en": "expanding", "ko": "확장"},
    "backtest_window_sliding": {"en": "sliding", "ko": "이동"},
    "backtest_progress": {
        "en": "Backtest: {done} of {total} trainings ({model})",
        "ko": "백테스트: 학습 {total}회 중 {done}회 완료({model})",
    },
    "backtest_done": {
        "en": "{retrains} training(s) per model in {seconds:.0f} s.",
        "ko": "모델당 {retrains}회 학습, {seconds:.0f}초 걸림.",
    },
    "backtest_needs_frame": {
        "en": "This result has no price table attached, so the backtest cannot run. Train again.",
        "ko": "이 결과에는 가격 표가 없어 백테스트를 실행할 수 없습니다. 다시 학습하세요.",
    },
    # Panel headings and labels.
    "panel_evaluation": {"en": "Honest evaluation", "ko": "정직한 평가"},
    "panel_significance": {"en": "Significance and lag check", "ko": "유의성과 지연 검사"},
    "panel_intervals": {"en": "Prediction intervals", "ko": "예측 구간"},
    "panel_per_step": {"en": "Error per step ahead", "ko": "예측 단계별 오차"},
    "panel_seeds": {"en": "Several seeds", "ko": "여러 시드"},
    "panel_leakage": {"en": "Leakage demonstration", "ko": "데이터 누수 시연"},
    "panel_backtest": {"en": "Walk-forward backtest", "ko": "워크포워드 백테스트"},
    "label_model": {"en": "Model", "ko": "모델"},
    "label_series": {"en": "Series", "ko": "계열"},
    "label_step": {"en": "Step ahead", "ko": "예측 단계"},
    "label_shift": {"en": "Shift (days back)", "ko": "이동(며칠 전)"},
    "label_correlation": {"en": "Correlation of daily changes", "ko": "일별 변화의 상관계수"},
    "label_dm_pvalue": {"en": "DM p-value", "ko": "DM p-값"},
    "label_reading": {"en": "Reading", "ko": "해석"},
    "label_lag": {"en": "Best shift", "ko": "최고 상관 이동"},
    "label_coverage": {"en": "Coverage {nominal}%", "ko": "{nominal}% 포함률"},
    "label_width": {"en": "Mean width {nominal}%", "ko": "{nominal}% 평균 폭"},
    "label_band": {"en": "{nominal}% interval", "ko": "{nominal}% 구간"},
    "label_seed_band": {"en": "mean ± std over seeds", "ko": "시드 평균 ± 표준편차"},
    "label_actual": {"en": "actual", "ko": "실제"},
    "label_date": {"en": "Date", "ko": "날짜"},
    "label_price": {"en": "Price", "ko": "가격"},
    "label_metric": {"en": "Metric", "ko": "지표"},
    "label_rmse": {"en": "RMSE", "ko": "RMSE"},
    "label_skill": {"en": "skill", "ko": "skill"},
    "label_direction": {"en": "direction", "ko": "방향 정확도"},
    "label_scaler_range": {"en": "Target scaler range", "ko": "대상 스케일러 범위"},
    # Command line.
    "cli_dm_line": {
        "en": "{model}: DM p = {pvalue} ({reading})",
        "ko": "{model}: DM 검정 p = {pvalue} ({reading})",
    },
    "cli_coverage_line": {
        "en": "{model}: coverage of the 80% interval {coverage_80:.1f}%, of the 95% interval {coverage_95:.1f}%",
        "ko": "{model}: 80% 구간 포함률 {coverage_80:.1f}%, 95% 구간 포함률 {coverage_95:.1f}%",
    },
    "cli_seeds_header": {
        "en": "Mean ± standard deviation over {seeds} seeds:",
        "ko": "시드 {seeds}개의 평균 ± 표준편차:",
    },
    "cli_per_step_header": {"en": "RMSE per step ahead:", "ko": "예측 단계별 RMSE:"},
    "cli_backtest_header": {
        "en": "Walk-forward backtest: {retrains} training(s) per model, {window} window, {seconds:.0f} s:",
        "ko": "워크포워드 백테스트: 모델당 {retrains}회 학습, {window} 구간, {seconds:.0f}초:",
    },
    "cli_backtest_progress": {
        "en": "backtest {done}/{total} ({model})",
        "ko": "백테스트 {done}/{total} ({model})",
    },
}
