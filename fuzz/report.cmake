# safehold_report parsers: the JSON data export read back by `case import-json`.
safehold_fuzzer(data_export_json data_export_json.fuzz.cpp safehold_report)
