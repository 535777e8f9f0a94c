// Redaction, references, consent-scope needs and searchable text, driven by
// the model's flags.
#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <string>

#include "safehold/schema/record.hpp"
#include "validation_helpers.hpp"

using namespace safehold::schema;
using nlohmann::json;
using safehold::test::entity;
using safehold::test::sample_fields;

TEST_CASE("redaction removes every identifying field, nested ones too, and keeps the rest", "[schema][views]") {
  std::size_t identifying_seen = 0;
  for (const auto& e : Model::builtin().entities()) {
    const auto& fields = sample_fields().at(e.name);
    auto redacted = redact_identifying(e, fields);
    CHECK(validate_fields(e, redacted).has_value());  // nothing identifying is required
    // Walk the original; every identifying field must be gone from the copy.
    std::function<void(const std::vector<FieldDef>&, const json&, const json&, const std::string&)> compare =
        [&](const std::vector<FieldDef>& defs, const json& original, const json& copy, const std::string& path) {
          for (const auto& def : defs) {
            INFO(e.name << "." << path << def.name);
            if (!original.contains(def.name)) continue;
            if (def.identifying) {
              ++identifying_seen;
              CHECK_FALSE(copy.contains(def.name));
              continue;
            }
            REQUIRE(copy.contains(def.name));
            const auto& o = original.at(def.name);
            const auto& c = copy.at(def.name);
            if (def.type == FieldType::object && o.is_object() && !is_not_answered(o)) {
              compare(def.fields, o, c, path + def.name + ".");
            } else if (def.type == FieldType::list) {
              REQUIRE(c.size() == o.size());
              for (std::size_t i = 0; i < o.size(); ++i) compare(def.fields, o[i], c[i], path + def.name + "[].");
            } else {
              CHECK(c == o);
            }
          }
        };
    compare(e.fields, fields, redacted, "");
  }
  CHECK(identifying_seen >= 10);
  // The ones data-model.md names, checked by name.
  auto person = redact_identifying(entity("person"), sample_fields().at("person"));
  for (const char* gone : {"legal_name", "aliases", "exact_address", "safe_contact"}) CHECK_FALSE(person.contains(gone));
  CHECK(person["pseudonym"] == "Swallow");
  auto session = redact_identifying(entity("interview_session"), sample_fields().at("interview_session"));
  CHECK_FALSE(session["interpreter"].contains("name"));
  CHECK(session["interpreter"]["from_language"] == "uig");
  auto evidence = redact_identifying(entity("evidence_item"), sample_fields().at("evidence_item"));
  CHECK_FALSE(evidence.contains("original_file_name"));
  CHECK(evidence.contains("sha256"));
  auto incident = redact_identifying(entity("incident"), sample_fields().at("incident"));
  CHECK_FALSE(incident.contains("exact_location"));
  CHECK(incident["location"]["area"] == "Ürümqi");
}

TEST_CASE("redaction drops members the model does not define", "[schema][views]") {
  json fields = {{"pseudonym", "Swallow"}, {"smuggled_name", "王小明"}};
  auto out = redact_identifying(entity("person"), fields);
  CHECK(out == json{{"pseudonym", "Swallow"}});
}

TEST_CASE("referenced ids lists every ref with its target entity", "[schema][views]") {
  auto refs = referenced_ids(entity("incident"), sample_fields().at("incident"));
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].path == "targets[0]");
  CHECK(refs[0].entity == "person");
  CHECK(refs[0].id == safehold::test::kPersonId);
  CHECK(refs[1].path == "perpetrators[0].person");
  CHECK(refs[1].id == safehold::test::kPerpetratorId);

  auto consent = referenced_ids(entity("consent"), sample_fields().at("consent"));
  REQUIRE(consent.size() == 2);
  CHECK(consent[1].path == "allowed_recipients[0].contact");
  CHECK(consent[1].entity == "contact");

  auto measure = referenced_ids(entity("legal_measure"), sample_fields().at("legal_measure"));
  REQUIRE(measure.size() == 1);
  CHECK(measure[0].entity == "evidence_item");
  // Malformed input is skipped, not trusted.
  CHECK(referenced_ids(entity("incident"), json{{"targets", {"nope", 3}}}).empty());
  CHECK(referenced_ids(entity("incident"), json::array()).empty());
  CHECK(referenced_ids(entity("incident"), json{{"targets", {{"not_answered", "unknown"}}}}).empty());
}

TEST_CASE("fields_needing_scope names the consent each value needs", "[schema][views]") {
  auto person = fields_needing_scope(entity("person"), sample_fields().at("person"));
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& n : person) got.emplace_back(n.path, n.scope);
  CHECK(got == std::vector<std::pair<std::string, std::string>>{{"legal_name", "store_real_identity"},
                                                                {"aliases", "store_real_identity"},
                                                                {"exact_address", "store_real_identity"},
                                                                {"safe_contact", "be_recontacted"}});
  // Nothing identifying, nothing needed; "not answered" needs nothing either.
  CHECK(fields_needing_scope(entity("person"), json{{"pseudonym", "Swallow"}}).empty());
  CHECK(fields_needing_scope(entity("person"), json{{"legal_name", {{"not_answered", "declined"}}}}).empty());

  auto session = sample_fields().at("interview_session");
  CHECK(fields_needing_scope(entity("interview_session"), session).empty());  // typed notes
  session["recording"] = "audio";
  auto audio = fields_needing_scope(entity("interview_session"), session);
  REQUIRE(audio.size() == 1);
  CHECK(audio[0].path == "recording");
  CHECK(audio[0].scope == "audio_record");
  session["recording"] = "video";
  CHECK(fields_needing_scope(entity("interview_session"), session)[0].scope == "video_record");

  auto consent = fields_needing_scope(entity("consent"), sample_fields().at("consent"));
  REQUIRE(consent.size() == 1);
  CHECK(consent[0].path == "recontact_method");
  CHECK(consent[0].scope == "be_recontacted");
}

TEST_CASE("scopes_not_granted checks the needs against a consent's scopes", "[schema][views]") {
  const auto& person = sample_fields().at("person");
  json scopes = sample_fields().at("consent")["scopes"];  // store_real_identity and be_recontacted: yes
  CHECK(scopes_not_granted(entity("person"), person, scopes).empty());
  scopes["be_recontacted"] = "later";
  auto missing = scopes_not_granted(entity("person"), person, scopes);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].path == "safe_contact");
  CHECK(missing[0].scope == "be_recontacted");
  scopes.erase("store_real_identity");
  CHECK(scopes_not_granted(entity("person"), person, scopes).size() == 4);
  CHECK(scopes_not_granted(entity("person"), person, json::array()).size() == 4);
  CHECK(scopes_not_granted(entity("person"), json{{"pseudonym", "Swallow"}}, json::object()).empty());
}

TEST_CASE("searchable text holds searchable values and code labels in three languages", "[schema][views]") {
  auto incident = searchable_text(entity("incident"), sample_fields().at("incident"));
  CHECK(incident.find("父亲被派出所约谈") != std::string::npos);       // title
  CHECK(incident.find("退休金") != std::string::npos);                  // narrative text
  CHECK(incident.find("Threats to or questioning of relatives") != std::string::npos);  // D1, English
  CHECK(incident.find("威胁或盘问亲属") != std::string::npos);           // D1, Simplified
  CHECK(incident.find("威脅或盤問親屬") != std::string::npos);           // D1, Traditional
  CHECK(incident.find("劝返／反诈专项") != std::string::npos);           // campaign
  CHECK(incident.find("自称国保大队民警") != std::string::npos);         // perpetrators[].description
  CHECK(incident.find("中國") != std::string::npos);                     // country label
  CHECK(incident.find("某区某派出所") == std::string::npos);             // exact location: not searchable
  CHECK(incident.find("wechat") == std::string::npos);                   // channel: not searchable

  auto person = searchable_text(entity("person"), sample_fields().at("person"));
  CHECK(person.find("王小明") != std::string::npos);
  CHECK(person.find("Swallow") != std::string::npos);
  auto person_public = searchable_text(entity("person"), sample_fields().at("person"), false);
  CHECK(person_public.find("王小明") == std::string::npos);
  CHECK(person_public.find("小燕子") == std::string::npos);
  CHECK(person_public.find("Swallow") != std::string::npos);

  CHECK(searchable_text(entity("case"), json{{"title", {{"not_answered", "declined"}}}}).empty());
  CHECK(searchable_text(entity("case"), json{{"title", 42}}).empty());
}
