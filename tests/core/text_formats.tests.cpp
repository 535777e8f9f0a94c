#include "safehold/core/bundle/text_formats.hpp"

#include <catch2/catch_test_macros.hpp>

#include "bundle_fixtures.hpp"
#include "safehold/core/bundle/paths.hpp"
#include "safehold/crypto/age/x25519.hpp"

using namespace safehold::core::bundle;
using safehold::test::run_output;

TEST_CASE("uuid4: random ones are valid and only the canonical spelling is", "[bundle][text]") {
  for (int i = 0; i < 100; ++i) REQUIRE(is_uuid4(random_uuid4()));
  CHECK(random_uuid4() != random_uuid4());
  CHECK(is_uuid4("3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10"));
  CHECK_FALSE(is_uuid4("3F0C9A52-5D0E-4C7B-9A51-0C1D7E2B9F10"));  // uppercase
  CHECK_FALSE(is_uuid4("3f0c9a52-5d0e-1c7b-9a51-0c1d7e2b9f10"));  // version 1
  CHECK_FALSE(is_uuid4("3f0c9a52-5d0e-4c7b-7a51-0c1d7e2b9f10"));  // variant
  CHECK_FALSE(is_uuid4("3f0c9a525d0e4c7b9a510c1d7e2b9f10"));      // no dashes
  CHECK_FALSE(is_uuid4("{3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f1}"));
}

TEST_CASE("UTC times agree with date(1) and refuse impossible dates", "[bundle][text]") {
  for (const std::int64_t t : {0LL, 951782400LL, 1795795200LL, 4107542399LL, 253402300799LL}) {
    const std::string ours = format_utc(t);
    const std::string theirs =
        run_output("date -u -d @" + std::to_string(t) + " +%Y-%m-%dT%H:%M:%SZ");
    CHECK(ours + "\n" == theirs);
    REQUIRE(parse_utc(ours).has_value());
    CHECK(*parse_utc(ours) == t);
  }
  CHECK_FALSE(parse_utc("2026-02-29T00:00:00Z"));  // not a leap year
  CHECK(parse_utc("2028-02-29T00:00:00Z"));
  CHECK_FALSE(parse_utc("2026-11-28T24:00:00Z"));
  CHECK_FALSE(parse_utc("2026-11-28T23:59:60Z"));
  CHECK_FALSE(parse_utc("2026-11-28T18:00:00+00:00"));
  CHECK_FALSE(parse_utc("2026-11-28T18:00:00.5Z"));
  CHECK_FALSE(parse_utc("2026-11-28t18:00:00z"));
  CHECK_FALSE(parse_utc("1969-12-31T23:59:59Z"));
}

TEST_CASE("sender names: UTF-8 without control characters", "[bundle][text]") {
  CHECK(is_sender_name("Caseworker Lin"));
  CHECK(is_sender_name("律师 王"));
  CHECK(is_sender_name("ئۇيغۇر"));
  CHECK_FALSE(is_sender_name(""));
  CHECK_FALSE(is_sender_name(std::string(129, 'a')));
  CHECK_FALSE(is_sender_name("line\nbreak"));
  CHECK_FALSE(is_sender_name("tab\there"));
  CHECK_FALSE(is_sender_name("del\x7f"));
  CHECK_FALSE(is_sender_name("c1\xc2\x85"));    // U+0085
  CHECK_FALSE(is_sender_name("\xc0\xaf"));      // overlong
  CHECK_FALSE(is_sender_name("\xed\xa0\x80"));  // surrogate
  CHECK_FALSE(is_sender_name("\xe5\xbe"));      // cut sequence
}

TEST_CASE("paths: exactly the grammar of section 3.3", "[bundle][paths]") {
  const std::string c = "8d1c2f7a-3b4e-4c5d-8e9f-0a1b2c3d4e5f";
  const std::string r = "3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10";
  CHECK(parse_file_path("cases/" + c + "/" + r + ".json"));
  CHECK(parse_file_path("attachments/" + r));
  CHECK(parse_file_path("audit/" + c + "/custody.jsonl"));
  CHECK(parse_file_path("audit/" + c + "/a"));
  CHECK(parse_file_path("cases/" + c + "/" + r + ".json")->case_id == c);

  for (const std::string& bad : std::vector<std::string>{"cases/" + c + "/../" + r + ".json",
                                                         "/attachments/" + r,
                                                         "attachments/" + r + "/",
                                                         "attachments//" + r,
                                                         "./attachments/" + r,
                                                         "attachments/../" + r,
                                                         "attachments/" + r + "x",
                                                         "cases/" + c + "/" + r + ".JSON",
                                                         "cases/" + c + "/" + r,
                                                         "cases/" + c + "/x/" + r + ".json",
                                                         "audit/" + c + "/.hidden",
                                                         "audit/" + c + "/x.",
                                                         "audit/" + c + "/Upper",
                                                         "audit/" + c + "/a b",
                                                         "audit/" + c + "/a\\b",
                                                         "audit/" + c + "/" + std::string(65, 'a'),
                                                         "audit/" + c + "/x/y",
                                                         "audit/" + c,
                                                         "other/" + r,
                                                         "manifest.json",
                                                         "",
                                                         "attachments/" + r + "\n"}) {
    INFO(bad);
    CHECK_FALSE(parse_file_path(bad));
  }
}

TEST_CASE("canonical order: cases, attachments, audit, bytes within", "[bundle][paths]") {
  const std::string c = "8d1c2f7a-3b4e-4c5d-8e9f-0a1b2c3d4e5f";
  const std::string r = "3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10";
  const std::string case_file = "cases/" + c + "/" + r + ".json";
  const std::string attachment = "attachments/" + r;
  const std::string audit = "audit/" + c + "/log";
  CHECK(canonical_less(case_file, attachment));
  CHECK(canonical_less(attachment, audit));
  CHECK(canonical_less(case_file, audit));
  CHECK_FALSE(canonical_less(audit, case_file));
  CHECK(canonical_less("attachments/0" + r.substr(1), attachment));
  CHECK_FALSE(canonical_less(attachment, attachment));
}

TEST_CASE("age recipients: only canonical X25519 recipients", "[bundle][text]") {
  const std::string r = safehold::age::X25519Identity::generate().recipient().encode();
  CHECK(is_age_recipient(r));
  std::string upper = r;
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  CHECK_FALSE(is_age_recipient(upper));
  std::string flipped = r;
  flipped[10] = flipped[10] == 'q' ? 'p' : 'q';  // breaks the Bech32 checksum
  CHECK_FALSE(is_age_recipient(flipped));
  CHECK_FALSE(is_age_recipient("age1" + std::string(58, 'q')));
  CHECK_FALSE(is_age_recipient(r + "q"));
  CHECK_FALSE(is_age_recipient(""));
}
