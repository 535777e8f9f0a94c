#include "output.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace safehold::cli {

void print_line(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

void print_json(const nlohmann::json& value) {
  print_line(value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

void print_note(std::string_view text) {
  std::fputs("safehold-cli: ", stderr);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fputc('\n', stderr);
}

void Listing::add(nlohmann::json item, std::string_view line) {
  if (json_) {
    items_.push_back(std::move(item));
  } else {
    print_line(line);
  }
}

void Listing::finish() const {
  if (json_) print_json(items_);
}

namespace {

std::string render(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void print_record(const storage::Record& record) {
  print_line("id: " + record.id);
  print_line("entity: " + record.entity);
  if (!record.case_id.empty()) print_line("case: " + record.case_id);
  print_line("created: " + record.created_at);
  print_line("updated: " + record.updated_at);
  for (const auto& [name, value] : record.fields.items()) print_line("  " + name + ": " + render(value));
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string to_hex(const std::array<std::uint8_t, 32>& bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (auto b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

}  // namespace safehold::cli
