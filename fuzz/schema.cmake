# safehold_schema parsers: the vocabulary loader, the model loader, and record
# validation (with the views storage and bundles call on records).
safehold_fuzzer(schema_vocabulary schema_vocabulary.fuzz.cpp safehold_schema)
safehold_fuzzer(schema_model schema_model.fuzz.cpp safehold_schema)
safehold_fuzzer(schema_validate schema_validate.fuzz.cpp safehold_schema)
