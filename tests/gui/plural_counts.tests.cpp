// Counts of one in the wipe, import, export, backup, audit and case-list
// summaries say "1 file", "1 record", "1 case"… (appmodel::trn and
// count_of), never "1 files"; more than one keeps the plural; Chinese has
// no plural forms, so both counts give the same text.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "safehold/appmodel/i18n.hpp"

using namespace safehold;
using appmodel::count_of;
using appmodel::Language;
using appmodel::trf;
using appmodel::trn;

namespace {

struct LanguageScope {
  explicit LanguageScope(Language l) { appmodel::set_language(l); }
  ~LanguageScope() { appmodel::set_language(Language::en); }
};

}  // namespace

TEST_CASE("Plural forms: a count of one reads singular in every summary", "[i18n][plural]") {
  LanguageScope en(Language::en);
  CHECK(trn("wipe.done", 1, {"3", "40", "1"}) ==
        "The vault was wiped: its key was destroyed after 3 ms, everything after 40 ms (1 file removed).");
  CHECK(trn("wipe.done", 2, {"3", "40", "2"}).ends_with("(2 files removed)."));
  CHECK(trn("wipe.left_behind", 1, {"1"}) == "1 file in the folder was not Safehold's and was left in place.");
  CHECK(trn("wipe.left_behind", 4, {"4"}).starts_with("4 files in the folder were not"));
  CHECK(trn("audit.intact", 1, {"1"}) == "Intact: the 1 entry checks out.");
  CHECK(trn("audit.intact", 9, {"9"}) == "Intact: all 9 entries check out.");
  CHECK(trn("cases.count", 1, {"1"}) == "1 case");
  CHECK(trn("cases.count", 0, {"0"}) == "0 cases");
  CHECK(trn("export.done", 1, {"/m/b.age", "1"}) ==
        "Sealed bundle saved to /m/b.age, for 1 recipient. Only they can open it.");
  CHECK(trn("export.done", 2, {"/m/b.age", "2"}).find("for 2 recipients.") != std::string::npos);
  CHECK(trn("import.summary.changes_n", 1, {"1", "0", "0", "2"}) ==
        "create 1 record, update 0, set 0 aside as conflicting, keep 2 as they are");
  CHECK(trn("import.summary.changes_n", 5, {"5", "1", "1", "0"}).starts_with("create 5 records, update 1"));
  CHECK(trn("backup.writing", 1, {"1", "1"}) == "Writing the backup (1 of 1 part)");
  CHECK(trn("backup.verifying", 1, {"0", "1"}) == "Verifying every byte of the backup (0 of 1 part)");
  CHECK(trn("backup.writing", 12, {"3", "12"}) == "Writing the backup (3 of 12 parts)");
  CHECK(trn("settings.autolock.minutes", 1, {"%d"}) == "after %d minute");  // the slider's format for 1
  CHECK(trn("settings.autolock.minutes", 5, {"%d"}) == "after %d minutes");
  // Messages with two counts take each as count_of(): "1 record", "1 file".
  CHECK(count_of("count.records", 1) == "1 record");
  CHECK(count_of("count.records", 0) == "0 records");
  CHECK(count_of("count.files", 1) == "1 file");
  CHECK(count_of("count.files", 7) == "7 files");
  CHECK(trf("export.case.summary", {"given", count_of("count.records", 1), count_of("count.files", 1), "5 KB"}) ==
        "consent: given; 1 record, 1 file (5 KB)");
  CHECK(trf("import.done", {count_of("count.records", 1), "0", count_of("count.files", 1)}) ==
        "Imported: 1 record written, 0 unchanged, 1 file received.");
  CHECK(trf("import.done", {count_of("count.records", 3), "2", count_of("count.files", 0)}) ==
        "Imported: 3 records written, 2 unchanged, 0 files received.");
}

TEST_CASE("Plural forms: Chinese says the same for one and for many", "[i18n][plural]") {
  for (const auto lang : {Language::zh_Hans, Language::zh_Hant}) {
    LanguageScope scope(lang);
    for (const char* key : {"wipe.left_behind", "audit.intact", "cases.count", "count.records", "count.files",
                            "settings.autolock.minutes"}) {
      INFO(key);
      CHECK(trn(key, 1, {"1"}) == trf(key, {"1"}));
    }
    CHECK(trn("wipe.done", 1, {"3", "40", "1"}) == trf("wipe.done", {"3", "40", "1"}));
    CHECK(trn("export.done", 1, {"b.age", "1"}) == trf("export.done", {"b.age", "1"}));
    CHECK(trn("import.summary.changes_n", 1, {"1", "0", "0", "2"}) ==
          trf("import.summary.changes_n", {"1", "0", "0", "2"}));
    CHECK(trn("backup.writing", 1, {"1", "1"}) == trf("backup.writing", {"1", "1"}));
    CHECK(trn("backup.verifying", 1, {"1", "1"}) == trf("backup.verifying", {"1", "1"}));
  }
}
