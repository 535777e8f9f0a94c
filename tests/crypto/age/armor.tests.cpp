#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include "age_test_util.hpp"

using namespace safehold::age;
using namespace safehold::age::test;

namespace {

const std::string kBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
const std::string kEnd = "-----END AGE ENCRYPTED FILE-----";

Bytes armor(std::span<const std::uint8_t> data, std::size_t write_size = 1000) {
  safehold::base::VectorSink sink;
  ArmorWriter w(sink);
  for (std::size_t pos = 0; pos < data.size(); pos += write_size) {
    REQUIRE(w.write(data.subspan(pos, std::min(write_size, data.size() - pos))));
  }
  REQUIRE(w.finish());
  return sink.bytes();
}

struct Dearmored {
  Bytes data;
  std::optional<AgeFailure> failure;
};

Dearmored dearmor(std::string_view text, std::size_t read_size = 4096) {
  safehold::base::SpanSource src(safehold::test::as_bytes(text));
  ArmorReader r(src);
  Dearmored out;
  Bytes buf(read_size);
  for (;;) {
    auto n = r.read(buf);
    if (!n) {
      out.failure = r.failure();
      REQUIRE(out.failure.has_value());
      return out;
    }
    if (*n == 0) return out;
    out.data.insert(out.data.end(), buf.begin(), buf.begin() + static_cast<long>(*n));
  }
}

bool refused(std::string_view text) {
  const auto d = dearmor(text);
  return d.failure && d.failure->code == AgeError::armor_failure;
}

}  // namespace

TEST_CASE("armor: exact output format", "[age][armor]") {
  CHECK(armor(bytes_of("hello")) == bytes_of(kBegin + "\naGVsbG8=\n" + kEnd + "\n"));
  CHECK(armor({}) == bytes_of(kBegin + "\n" + kEnd + "\n"));
  const Bytes full_text = armor(Bytes(48, 0));
  const std::string full(full_text.begin(), full_text.end());
  CHECK(full == kBegin + "\n" + std::string(64, 'A') + "\n" + kEnd + "\n");
}

TEST_CASE("armor: round trip at line boundaries", "[age][armor]") {
  const std::size_t size = GENERATE(0u, 1u, 2u, 3u, 47u, 48u, 49u, 96u, 1000u, 70000u);
  const Bytes data = safehold::test::pseudo_random_bytes(size, static_cast<std::uint32_t>(size));
  for (std::size_t ws : {1u, 7u, 48u, 5000u}) {
    const Bytes text = armor(data, ws);
    const std::string s(text.begin(), text.end());
    for (std::size_t rs : {1u, 50u, 65536u}) {
      const auto d = dearmor(s, rs);
      REQUIRE_FALSE(d.failure);
      REQUIRE(d.data == data);
    }
  }
}

TEST_CASE("armor: line ends and surrounding whitespace", "[age][armor]") {
  const std::string lf = kBegin + "\naGVsbG8=\n" + kEnd + "\n";
  const std::string crlf = kBegin + "\r\naGVsbG8=\r\n" + kEnd + "\r\n";
  CHECK(dearmor(crlf).data == bytes_of("hello"));
  CHECK(dearmor(kBegin + "\naGVsbG8=\n" + kEnd).data == bytes_of("hello"));  // no final EOL
  CHECK(refused(kBegin + "\r\naGVsbG8=\n" + kEnd + "\r\n"));                  // mixed
  CHECK(refused(kBegin + "\naGVsbG8=\r\n" + kEnd + "\n"));
  CHECK(refused(kBegin + " \naGVsbG8=\n" + kEnd + "\n"));  // space after BEGIN

  const std::string ws1024(1024, ' ');
  CHECK(dearmor(std::string(1023, ' ') + "\n" + lf + ws1024).data == bytes_of("hello"));
  CHECK(refused(std::string(1024, ' ') + "\n" + lf));  // 1025 bytes of leading whitespace
  CHECK(refused(lf + ws1024 + " "));
  CHECK(refused(lf + std::string("\n\0", 2)));
  CHECK(refused(""));
  CHECK(refused("\n\n"));
}

TEST_CASE("armor: strict body lines", "[age][armor]") {
  const std::string line64(64, 'A');
  CHECK(dearmor(kBegin + "\n" + line64 + "\n" + kEnd + "\n").data == Bytes(48, 0));
  CHECK(refused(kBegin + "\n" + line64 + "A\n" + kEnd + "\n"));           // 65 columns
  CHECK(refused(kBegin + "\nAAAA\n" + line64 + "\n" + kEnd + "\n"));      // short line not last
  CHECK(refused(kBegin + "\nAAAA\n\n" + kEnd + "\n"));                     // empty line
  CHECK(refused(kBegin + "\nAAA\n" + kEnd + "\n"));                        // not a multiple of 4
  CHECK(refused(kBegin + "\nAA==AA==\n" + kEnd + "\n"));                   // padding inside
  CHECK(refused(kBegin + "\nAB==\n" + kEnd + "\n"));                       // non-zero pad bits
  CHECK(dearmor(kBegin + "\nAA//\n" + kEnd + "\n").data == Bytes({0, 15, 255}));
  CHECK(refused(kBegin + "\nAA/\xff\n" + kEnd + "\n"));  // libsodium 1.0.18 reads 0xff as '/'
  CHECK(refused(kBegin + "\nAA/\x80\n" + kEnd + "\n"));
  CHECK(refused(kBegin + "\nAAAA\n"));                                     // no END line
  CHECK(refused(kBegin + "\nAAAA\n" + kEnd + "\n" + kBegin + "\n"));      // a second block
  const auto trunc = dearmor(kBegin + "\n" + line64 + "\n");
  REQUIRE(trunc.failure);
  CHECK(trunc.failure->code == AgeError::armor_failure);
}
