"""Messages of the prices area: ``{key: {"en": ..., "ko": ...}}``.

Errors (``ForecastError`` keys) come first, then report repairs
(``repair_*``), report warnings (``warn_*``) and the labels of
``python -m forecast inspect`` (``inspect_*``).
"""

_ERRORS: dict[str, dict[str, str]] = {
    "file_not_found": {
        "en": "File not found: {value}. Check the path.",
        "ko": "파일을 찾을 수 없습니다: {value}. 경로를 확인하세요.",
    },
    "file_unreadable": {
        "en": "Could not read {value}: {reason}.",
        "ko": "{value} 파일을 읽지 못했습니다: {reason}.",
    },
    "invalid_source": {
        "en": "Cannot load prices from a {value}. Pass a file path, bytes or an opened file.",
        "ko": "{value} 형식에서는 가격을 불러올 수 없습니다. 파일 경로, bytes 또는 열린 파일을 넘기세요.",
    },
    "empty_file": {
        "en": "The file {value} is empty. Upload a CSV or Excel file with daily prices.",
        "ko": "{value} 파일이 비어 있습니다. 일별 가격이 든 CSV 또는 Excel 파일을 올리세요.",
    },
    "binary_file": {
        "en": "{value} is not a text table (it contains binary data). Upload a CSV or .xlsx file.",
        "ko": "{value}은(는) 텍스트 표가 아닙니다(이진 데이터가 들어 있음). CSV 또는 .xlsx 파일을 올리세요.",
    },
    "old_excel_format": {
        "en": "{value} is an old Excel .xls file. Open it in Excel and save it as .xlsx or CSV.",
        "ko": "{value}은(는) 예전 Excel(.xls) 형식입니다. Excel에서 열어 .xlsx 또는 CSV로 저장하세요.",
    },
    "unreadable_excel": {
        "en": "Could not open {value} as an Excel workbook; the file may be damaged. "
        "Save it again as .xlsx or CSV.",
        "ko": "{value}을(를) Excel 통합 문서로 열지 못했습니다. 파일이 손상되었을 수 있습니다. "
        ".xlsx 또는 CSV로 다시 저장하세요.",
    },
    "unreadable_encoding": {
        "en": "The file's text encoding is not one of {value}. Save it as UTF-8 CSV and upload it again.",
        "ko": "파일의 문자 인코딩이 {value} 중 어느 것도 아닙니다. UTF-8 CSV로 저장한 뒤 다시 올리세요.",
    },
    "unreadable_table": {
        "en": "{value} could not be split into rows and columns ({reason}). Check that it is a CSV file.",
        "ko": "{value}을(를) 행과 열로 나누지 못했습니다({reason}). CSV 파일인지 확인하세요.",
    },
    "web_page_not_prices": {
        "en": "{value} is a web page, not price data. Use the site's download button to get a CSV file.",
        "ko": "{value}은(는) 가격 데이터가 아니라 웹 페이지입니다. 사이트의 다운로드 버튼으로 CSV 파일을 받으세요.",
    },
    "no_date_column": {
        "en": "No date column found (columns or first line: {value}). "
        "The header needs a column named Date, 날짜, 일자 or Datum.",
        "ko": "날짜 열을 찾지 못했습니다(열 또는 첫 줄: {value}). "
        "머리글에 Date, 날짜, 일자, Datum 같은 열이 있어야 합니다.",
    },
    "no_price_column": {
        "en": "No numeric price column found (columns: {value}). "
        "The header needs a column such as Close, Price, 종가, 현재가 or Schluss.",
        "ko": "숫자로 된 가격 열을 찾지 못했습니다(열: {value}). "
        "머리글에 Close, Price, 종가, 현재가, Schluss 같은 열이 있어야 합니다.",
    },
    "price_not_numeric": {
        "en": "Column {column} does not contain numbers (for example '{value}'). "
        "Check that the file has prices in that column.",
        "ko": "{column} 열에 숫자가 없습니다(예: '{value}'). 그 열에 가격이 들어 있는지 확인하세요.",
    },
    "multiple_tickers": {
        "en": "The data holds several tickers ({value}). Load one ticker per file.",
        "ko": "데이터에 여러 종목({value})이 들어 있습니다. 파일 하나에 한 종목만 넣으세요.",
    },
    "too_many_rows": {
        "en": "The file has too many rows ({value}); the maximum is {limit}. "
        "Shorten the date range or split the file.",
        "ko": "파일의 행이 너무 많습니다({value}). 최대 {limit}행까지 됩니다. 기간을 줄이거나 파일을 나누세요.",
    },
    "no_data_rows": {
        "en": "{value} has a header but no data rows.",
        "ko": "{value}에 머리글만 있고 데이터 행이 없습니다.",
    },
    "no_data_rows_yfinance": {
        "en": "{value} is an empty yfinance download for {ticker}: the ticker may be mistyped, delisted "
        "or too new, or the request was rate-limited. Korean six-digit codes need .KS (KOSPI) or .KQ (KOSDAQ), "
        "for example 005930.KS.",
        "ko": "{value}은(는) {ticker}의 빈 yfinance 다운로드입니다. 종목 코드가 틀렸거나 상장 폐지·신규 상장 종목이거나 "
        "요청 한도에 걸렸을 수 있습니다. 한국 6자리 코드는 .KS(코스피) 또는 .KQ(코스닥)를 붙여야 합니다(예: 005930.KS).",
    },
    "no_valid_rows": {
        "en": "No row has both a date and a value in {value}. Check that the file contains prices.",
        "ko": "날짜와 {value} 값이 함께 있는 행이 하나도 없습니다. 파일에 가격이 들어 있는지 확인하세요.",
    },
    "unparseable_dates": {
        "en": "Dates could not be read (for example '{value}'); more than {max_share} of them failed. "
        "Write dates as YYYY-MM-DD.",
        "ko": "날짜를 읽지 못했습니다(예: '{value}'). {max_share}보다 많은 날짜가 실패했습니다. "
        "날짜를 YYYY-MM-DD 형식으로 쓰세요.",
    },
    "ambiguous_dates": {
        "en": "The dates are ambiguous: '{value}' fits both {day_first} and {month_first}, "
        "and the order of the rows does not decide it. Write dates as YYYY-MM-DD.",
        "ko": "날짜가 모호합니다. '{value}'은(는) {day_first}와 {month_first} 모두로 읽히고, "
        "행 순서로도 정할 수 없습니다. 날짜를 YYYY-MM-DD 형식으로 쓰세요.",
    },
    "intraday_data": {
        "en": "The file has several rows per day (times such as {value}). "
        "This tool needs daily prices: download the daily interval.",
        "ko": "하루에 여러 행이 있습니다(시각 예: {value}). 이 도구는 일별 가격이 필요합니다. 일봉 데이터를 받으세요.",
    },
    "unknown_sample": {
        "en": "Unknown sample '{value}'. Available samples: {valid}.",
        "ko": "알 수 없는 예제 데이터 '{value}'입니다. 사용할 수 있는 예제: {valid}.",
    },
    "unknown_target": {
        "en": "Target column '{value}' is not in the data. Price columns present: {valid}.",
        "ko": "예측 대상 열 '{value}'이(가) 데이터에 없습니다. 있는 가격 열: {valid}.",
    },
    "invalid_ticker": {
        "en": "Invalid ticker '{value}'. Enter one symbol such as AAPL or 005930.KS.",
        "ko": "잘못된 종목 코드 '{value}'입니다. AAPL 또는 005930.KS처럼 종목 하나를 입력하세요.",
    },
    "invalid_date_range": {
        "en": "Invalid date range: start {value} must be before end {end}.",
        "ko": "잘못된 기간입니다. 시작일 {value}이(가) 종료일 {end}보다 앞서야 합니다.",
    },
    "fetch_empty": {
        "en": "yfinance returned no prices for {value} between {start} and {end}. The ticker may be mistyped, "
        "delisted or too new: check the symbol on finance.yahoo.com.",
        "ko": "yfinance가 {start}부터 {end}까지 {value}의 가격을 돌려주지 않았습니다. 종목 코드가 틀렸거나 "
        "상장 폐지·신규 상장 종목일 수 있습니다. finance.yahoo.com에서 종목 코드를 확인하세요.",
    },
    "fetch_empty_korean_code": {
        "en": "yfinance returned no prices for {value} between {start} and {end}. Korean six-digit codes need "
        ".KS (KOSPI) or .KQ (KOSDAQ): try {suggestion}.",
        "ko": "yfinance가 {start}부터 {end}까지 {value}의 가격을 돌려주지 않았습니다. 한국 6자리 코드는 "
        ".KS(코스피) 또는 .KQ(코스닥)를 붙여야 합니다. {suggestion}처럼 입력해 보세요.",
    },
    "fetch_failed": {
        "en": "Download of {value} failed: {reason}. Check the internet connection, "
        "or upload a CSV file instead.",
        "ko": "{value} 다운로드에 실패했습니다: {reason}. 인터넷 연결을 확인하거나 CSV 파일을 올리세요.",
    },
    "fetch_timeout": {
        "en": "Download of {value} timed out after {timeout} s. Try again later, or upload a CSV file instead.",
        "ko": "{value} 다운로드가 {timeout}초 안에 끝나지 않았습니다. 나중에 다시 시도하거나 CSV 파일을 올리세요.",
    },
    "fetch_rate_limited": {
        "en": "Yahoo Finance is limiting requests right now ({value}). Wait a few minutes and try again, "
        "or upload a CSV file instead.",
        "ko": "지금은 Yahoo Finance가 요청 수를 제한하고 있습니다({value}). 몇 분 뒤 다시 시도하거나 CSV 파일을 올리세요.",
    },
}

_REPAIRS: dict[str, dict[str, str]] = {
    "repair_metadata_skipped": {
        "en": "Skipped {count} line(s) above the header.",
        "ko": "머리글 위의 {count}줄을 건너뛰었습니다.",
    },
    "repair_yfinance_header": {
        "en": "Read the three-line yfinance header (Price / Ticker / Date) for ticker {ticker}.",
        "ko": "yfinance의 세 줄 머리글(Price / Ticker / Date)을 읽었습니다. 종목: {ticker}.",
    },
    "repair_columns_ignored": {
        "en": "Ignored unrecognised columns: {columns}.",
        "ko": "알 수 없는 열은 쓰지 않았습니다: {columns}.",
    },
    "repair_decimal_comma": {
        "en": "Read numbers with a decimal comma and '.' as thousands separator (1.234,56).",
        "ko": "숫자를 소수점 쉼표와 천 단위 '.'로 읽었습니다(1.234,56).",
    },
    "repair_bad_dates_dropped": {
        "en": "Dropped {count} row(s) whose date could not be read (for example '{example}').",
        "ko": "날짜를 읽을 수 없는 {count}개 행을 뺐습니다(예: '{example}').",
    },
    "repair_missing_dates_dropped": {
        "en": "Dropped {count} row(s) without a date.",
        "ko": "날짜가 없는 {count}개 행을 뺐습니다.",
    },
    "repair_time_dropped": {
        "en": "Dropped the time of day from the dates (for example '{example}').",
        "ko": "날짜에서 시각을 뺐습니다(예: '{example}').",
    },
    "repair_utc_offset_dropped": {
        "en": "Kept the local calendar date of timestamps with a UTC offset (for example '{example}'); "
        "they were not converted to UTC.",
        "ko": "UTC 오프셋이 있는 시각(예: '{example}')은 현지 날짜를 그대로 썼습니다. UTC로 바꾸지 않았습니다.",
    },
    "repair_timezone_dropped": {
        "en": "Kept the exchange's local dates ({timezone}); they were not converted to UTC.",
        "ko": "거래소 현지 날짜({timezone})를 그대로 썼습니다. UTC로 바꾸지 않았습니다.",
    },
    "repair_sorted_newest_first": {
        "en": "The rows were newest first; sorted them oldest first.",
        "ko": "최신 날짜가 먼저 나와 있어 오래된 날짜부터 정렬했습니다.",
    },
    "repair_sorted_unordered": {
        "en": "The rows were not in date order; sorted them oldest first.",
        "ko": "행이 날짜순이 아니어서 오래된 날짜부터 정렬했습니다.",
    },
    "repair_duplicates": {
        "en": "Removed {count} duplicate row(s), keeping the most complete row per date ({dates}).",
        "ko": "중복된 {count}개 행을 지우고 날짜마다 가장 완전한 행을 남겼습니다({dates}).",
    },
    "repair_missing_main_dropped": {
        "en": "Dropped {count} row(s) without a {column} value ({dates}).",
        "ko": "{column} 값이 없는 {count}개 행을 뺐습니다({dates}).",
    },
    "repair_filled_forward": {
        "en": "Filled {count} missing {column} value(s) with the previous day's value ({dates}).",
        "ko": "비어 있는 {column} 값 {count}개를 전날 값으로 채웠습니다({dates}).",
    },
    "repair_leading_missing_dropped": {
        "en": "Dropped {count} row(s) at the start that had missing values with no earlier day to fill from ({dates}).",
        "ko": "앞쪽에 채울 이전 값이 없는 빈 값이 있어 {count}개 행을 뺐습니다({dates}).",
    },
}

_WARNINGS: dict[str, dict[str, str]] = {
    "warn_dates_ambiguous": {
        "en": "Dates fit both {format} and {other}; read them as {format} because that gives consecutive "
        "trading days. Check the first and last date.",
        "ko": "날짜가 {format}와 {other} 모두로 읽힙니다. 연속된 거래일이 되는 {format}로 읽었습니다. "
        "첫 날짜와 마지막 날짜를 확인하세요.",
    },
    "warn_duplicate_columns": {
        "en": "Several columns mean the same thing; used the first and ignored: {columns}.",
        "ko": "같은 뜻의 열이 여럿 있어 첫 번째 열을 쓰고 다음 열은 쓰지 않았습니다: {columns}.",
    },
    "warn_column_not_numeric": {
        "en": "Column {column} does not contain numbers (for example '{example}') and was left out.",
        "ko": "{column} 열에 숫자가 없어(예: '{example}') 빼었습니다.",
    },
    "warn_values_unreadable": {
        "en": "{count} value(s) in {column} could not be read as numbers (for example '{example}') "
        "and were treated as missing.",
        "ko": "{column} 열의 값 {count}개를 숫자로 읽지 못해(예: '{example}') 빈 값으로 처리했습니다.",
    },
    "warn_duplicates_conflicting": {
        "en": "{count} date(s) appear more than once with different values ({dates}); "
        "the most complete row was kept. Check the source.",
        "ko": "{count}개 날짜가 서로 다른 값으로 여러 번 나옵니다({dates}). 가장 완전한 행을 남겼으니 원본을 확인하세요.",
    },
    "warn_column_all_missing": {
        "en": "Column {column} is empty in every row and was left out.",
        "ko": "{column} 열은 모든 행이 비어 있어 빼었습니다.",
    },
    "warn_phantom_rows": {
        "en": "{count} row(s) repeat the previous day's prices with no change ({dates}); "
        "they may be holidays filled in by the data source.",
        "ko": "{count}개 행이 전날 가격을 변동 없이 반복합니다({dates}). 데이터 제공처가 휴장일을 채운 행일 수 있습니다.",
    },
    "warn_gaps": {
        "en": "{count} gap(s) of more than {max_days} calendar days between rows: {gaps}. "
        "No rows were added for them.",
        "ko": "행 사이에 {max_days}일(달력 기준)보다 긴 공백이 {count}개 있습니다: {gaps}. 그 사이에 행을 만들어 넣지 않았습니다.",
    },
    "warn_missing_weekdays": {
        "en": "{count} weekday(s) ({share:.0%} of weekdays) have no row ({dates}). Holidays explain a few; "
        "more point to missing data. No rows were added for them.",
        "ko": "평일 {count}일(평일의 {share:.0%})에 행이 없습니다({dates}). 휴장일이면 몇 날은 정상이지만, "
        "이보다 많으면 데이터가 빠진 것입니다. 그 날짜의 행을 만들어 넣지 않았습니다.",
    },
    "warn_not_daily": {
        "en": "Rows are a median of {days:.0f} days apart; this tool expects daily prices.",
        "ko": "행 간격의 중앙값이 {days:.0f}일입니다. 이 도구는 일별 가격을 기대합니다.",
    },
    "warn_probable_split": {
        "en": "{column} probably contains {count} unadjusted stock split(s): {splits}. "
        "Use adjusted prices (Adj Close, 수정주가) as the target.",
        "ko": "{column}에 수정되지 않은 액면분할(병합)로 보이는 변화가 {count}번 있습니다: {splits}. "
        "예측 대상으로 수정주가(Adj Close)를 쓰세요.",
    },
    "warn_jumps": {
        "en": "{column} moves more than 50 % overnight {count} time(s): {jumps}. Check these days before training.",
        "ko": "{column}이(가) 하룻밤 사이 50 % 넘게 움직인 날이 {count}번 있습니다: {jumps}. 학습 전에 확인하세요.",
    },
    "warn_non_positive": {
        "en": "{count} row(s) have a price of zero or below ({dates}); percentage errors are undefined there.",
        "ko": "{count}개 행의 가격이 0 이하입니다({dates}). 그 행에서는 백분율 오차를 계산할 수 없습니다.",
    },
}

_INSPECT: dict[str, dict[str, str]] = {
    "inspect_source": {"en": "Source", "ko": "출처"},
    "inspect_rows": {"en": "Rows", "ko": "행 수"},
    "inspect_rows_value": {"en": "{rows} (of {rows_read} read)", "ko": "{rows} (읽은 행 {rows_read})"},
    "inspect_dates": {"en": "Dates", "ko": "기간"},
    "inspect_columns": {"en": "Columns", "ko": "열"},
    "inspect_target": {"en": "Target", "ko": "예측 대상"},
    "inspect_encoding": {"en": "Encoding", "ko": "인코딩"},
    "inspect_separator": {"en": "Separator", "ko": "구분자"},
    "inspect_date_format": {"en": "Date format", "ko": "날짜 형식"},
    "inspect_column_map": {"en": "Column mapping", "ko": "열 대응"},
    "inspect_first_row": {"en": "First row", "ko": "첫 행"},
    "inspect_last_row": {"en": "Last row", "ko": "마지막 행"},
    "inspect_repairs": {"en": "Repairs", "ko": "수정한 내용"},
    "inspect_warnings": {"en": "Warnings", "ko": "경고"},
    "inspect_none": {"en": "none", "ko": "없음"},
}

MESSAGES: dict[str, dict[str, str]] = {**_ERRORS, **_REPAIRS, **_WARNINGS, **_INSPECT}
