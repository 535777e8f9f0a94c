#include <catch2/catch_test_macros.hpp>

#include <malloc.h>

#include <cstring>
#include <string>

// The GUI binaries link the wiping operator delete (app/gui/src/wiping_new.cpp).
// This reads a block after delete, which is undefined behaviour in the
// abstract machine but well defined for glibc's allocator (the block sits in
// the thread cache, of which only the first 16 bytes are overwritten); the
// GUI tests never run under ASan.
TEST_CASE("Global operator delete wipes freed blocks", "[gui][allocator]") {
  constexpr std::size_t kSize = 256;
  char* block = new char[kSize];
  const std::size_t usable = malloc_usable_size(block);
  std::memset(block, 'Q', kSize);
  volatile const char* view = block;
  delete[] block;
  int leftover = 0;
  for (std::size_t i = 16; i < usable; ++i) leftover += view[i] == 'Q' ? 1 : 0;
  CHECK(leftover == 0);
}

TEST_CASE("Freed std::string testimony does not linger in the heap", "[gui][allocator]") {
  auto* s = new std::string("Mother was invited to tea by the PSB on 3 March, then again in April");
  const char* data = s->data();
  const std::size_t usable = malloc_usable_size(const_cast<char*>(data));
  volatile const char* view = data;
  delete s;
  std::string seen;
  for (std::size_t i = 16; i < usable; ++i) seen += view[i];
  CHECK(seen.find("PSB") == std::string::npos);
  CHECK(seen.find("April") == std::string::npos);
}
