// SHA-256 compression (FIPS 180-4): a portable version and one on the x86
// SHA extensions (SHA256RNDS2 does two rounds on the ABEF/CDGH halves of the
// state; SHA256MSG1/MSG2 compute the message schedule four words at a time).
#include "safehold/crypto/detail/sha256_blocks.hpp"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace safehold::crypto::detail {
namespace {

alignas(16) constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) noexcept { return x >> n | x << (32 - n); }

std::uint32_t load_be32(const std::uint8_t* p) noexcept {
  return static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 |
         static_cast<std::uint32_t>(p[2]) << 8 | static_cast<std::uint32_t>(p[3]);
}

}  // namespace

void sha256_blocks_portable(Sha256State& state, const std::uint8_t* blocks,
                            std::size_t count) noexcept {
  for (; count > 0; --count, blocks += 64) {
    std::uint32_t w[64];
    for (int t = 0; t < 16; ++t) w[t] = load_be32(blocks + 4 * t);
    for (int t = 16; t < 64; ++t) {
      const std::uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
      const std::uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 64; ++t) {
      const std::uint32_t t1 =
          h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[t] + w[t];
      const std::uint32_t t2 =
          (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d;
    state[4] += e, state[5] += f, state[6] += g, state[7] += h;
  }
}

#if defined(__x86_64__)

#define SAFEHOLD_SHA_NI __attribute__((target("sha,sse4.1,ssse3")))

SAFEHOLD_SHA_NI void sha256_blocks_sha_ni(Sha256State& state, const std::uint8_t* blocks,
                                          std::size_t count) noexcept {
  const __m128i bswap = _mm_setr_epi8(3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
  // state[0..7] = A..H  ->  s0 = ABEF, s1 = CDGH (lane 3 first), as RNDS2 wants.
  __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i_u*>(&state[0]));  // DCBA
  __m128i s1 = _mm_loadu_si128(reinterpret_cast<const __m128i_u*>(&state[4]));   // HGFE
  tmp = _mm_shuffle_epi32(tmp, 0xB1);                                            // CDAB
  s1 = _mm_shuffle_epi32(s1, 0x1B);                                              // EFGH
  __m128i s0 = _mm_alignr_epi8(tmp, s1, 8);                                      // ABEF
  s1 = _mm_blend_epi16(s1, tmp, 0xF0);                                           // CDGH

  for (; count > 0; --count, blocks += 64) {
    const __m128i abef = s0, cdgh = s1;
    __m128i m[4];
#if defined(__clang__)
#pragma unroll
#else
#pragma GCC unroll 16
#endif
    for (int i = 0; i < 16; ++i) {  // four rounds per step
      if (i < 4) {
        m[i] = _mm_shuffle_epi8(
            _mm_loadu_si128(reinterpret_cast<const __m128i_u*>(blocks + 16 * i)), bswap);
      }
      const __m128i wk =
          _mm_add_epi32(m[i & 3], _mm_load_si128(reinterpret_cast<const __m128i*>(&kRound[4 * i])));
      s1 = _mm_sha256rnds2_epu32(s1, s0, wk);
      s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(wk, 0x0E));
      if (i >= 3 && i <= 14) {  // words of step i+1: + W[t-7], then sigma1 of W[t-2]
        const __m128i w7 = _mm_alignr_epi8(m[i & 3], m[(i - 1) & 3], 4);
        m[(i + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(m[(i + 1) & 3], w7), m[i & 3]);
      }
      if (i >= 1 && i <= 12) {  // words of step i+3: W[t-16] + sigma0 of W[t-15]
        m[(i - 1) & 3] = _mm_sha256msg1_epu32(m[(i - 1) & 3], m[i & 3]);
      }
    }
    s0 = _mm_add_epi32(s0, abef);
    s1 = _mm_add_epi32(s1, cdgh);
  }

  tmp = _mm_shuffle_epi32(s0, 0x1B);    // FEBA
  s1 = _mm_shuffle_epi32(s1, 0xB1);     // DCHG
  s0 = _mm_blend_epi16(tmp, s1, 0xF0);  // DCBA
  s1 = _mm_alignr_epi8(s1, tmp, 8);     // HGFE
  _mm_storeu_si128(reinterpret_cast<__m128i_u*>(&state[0]), s0);
  _mm_storeu_si128(reinterpret_cast<__m128i_u*>(&state[4]), s1);
}

bool sha256_has_sha_extensions() noexcept {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (__get_cpuid(1, &a, &b, &c, &d) == 0) return false;
  const bool ssse3 = (c & (1u << 9)) != 0, sse41 = (c & (1u << 19)) != 0;
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0) return false;
  const bool sha = (b & (1u << 29)) != 0;
  return ssse3 && sse41 && sha;
}

#else

void sha256_blocks_sha_ni(Sha256State& state, const std::uint8_t* blocks,
                          std::size_t count) noexcept {
  sha256_blocks_portable(state, blocks, count);
}
bool sha256_has_sha_extensions() noexcept { return false; }

#endif

Sha256BlocksFn sha256_blocks() noexcept {
  static const Sha256BlocksFn chosen =
      sha256_has_sha_extensions() ? &sha256_blocks_sha_ni : &sha256_blocks_portable;
  return chosen;
}

}  // namespace safehold::crypto::detail
