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

std::string count_of(std::uint64_t n, std::string_view one, std::string_view many) {
  std::string out = std::to_string(n) + " ";
  if (n == 1) return out.append(one);
  return many.empty() ? out.append(one).append("s") : out.append(many);
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

void IdOutput::add_flag(CLI::App* command) {
  command->add_flag("--json", json, "Print JSON: {\"id\": ID}");
}

void IdOutput::print(const std::string& id) const {
  if (json) {
    print_json({{"id", id}});
  } else {
    print_line(id);
  }
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

}  // namespace safehold::cli
