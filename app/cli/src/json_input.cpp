#include "json_input.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "failure.hpp"
#include "safehold/schema/strict_json.hpp"

namespace safehold::cli {

expected<nlohmann::json, Failure> read_json_input(const std::string& file) {
  int fd = STDIN_FILENO;
  if (file != "-") {
    fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return unexpected(open_failure(file, errno));
  }
  std::string bytes;
  char buf[65536];
  bool failed = false;
  for (;;) {
    const auto n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      failed = true;
      break;
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<std::size_t>(n));
    if (bytes.size() > kMaxJsonInputBytes) break;
  }
  if (fd != STDIN_FILENO) ::close(fd);
  if (failed) return fail(ExitCode::io, typed_path(file) + ": cannot read");
  if (bytes.size() > kMaxJsonInputBytes) return fail(ExitCode::usage, typed_path(file) + ": larger than 64 MiB");
  auto doc = schema::parse_strict_json(bytes, "JSON input");
  if (!doc) return unexpected(to_failure(doc.error(), typed_path(file)));
  return std::move(*doc);
}

namespace {

expected<std::string, Failure> agree(const nlohmann::json& doc, const char* key, const std::string& expected_value) {
  if (!doc.contains(key)) return expected_value;
  const auto& v = doc.at(key);
  if (!v.is_string()) return fail(ExitCode::usage, std::string("JSON input: \"") + key + "\" must be a string");
  const auto got = v.get<std::string>();
  if (!expected_value.empty() && got != expected_value) {
    return fail(ExitCode::usage, std::string("JSON input: \"") + key + "\" does not match the command line");
  }
  return got;
}

}  // namespace

expected<ParsedRecordInput, Failure> parse_record_input(const nlohmann::json& doc, const RecordInput& expect) {
  if (!doc.is_object()) return fail(ExitCode::usage, "JSON input: expected an object");
  ParsedRecordInput out{expect.entity, expect.case_id, nlohmann::json::object()};
  if (!doc.contains("fields")) {
    out.fields = doc;
    return out;
  }
  for (const auto& [key, value] : doc.items()) {
    const bool envelope = key == "id" || key == "created_at" || key == "updated_at";
    if (key == "fields" || key == "entity" || key == "case_id") continue;
    if (!envelope) return fail(ExitCode::usage, "JSON input: unknown member \"" + key + "\"");
    if (expect.id.empty()) {
      return fail(ExitCode::usage, "JSON input: \"" + key + "\" is assigned by the vault; leave it out");
    }
  }
  if (!doc.at("fields").is_object()) return fail(ExitCode::usage, "JSON input: \"fields\" must be an object");
  auto entity = agree(doc, "entity", expect.entity);
  if (!entity) return unexpected(entity.error());
  auto case_id = agree(doc, "case_id", expect.case_id);
  if (!case_id) return unexpected(case_id.error());
  if (!expect.id.empty()) {
    auto id = agree(doc, "id", expect.id);
    if (!id) return unexpected(id.error());
  }
  out.entity = *entity;
  out.case_id = *case_id;
  out.fields = doc.at("fields");
  return out;
}

}  // namespace safehold::cli
