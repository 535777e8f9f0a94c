#pragma once
// safehold::expected / safehold::unexpected: std::expected under g++ (C++23),
// the type used at every module boundary.
//
// Why a fallback exists: the fuzz build uses clang 14 (for libFuzzer), and
// clang 14 cannot compile libstdc++ 12's <expected> (it needs C++20
// conditionally-trivial special members). The fallback below implements the
// subset Safehold uses, with the same semantics, for that build only. Code must
// stay within this subset: has_value, operator bool, *, ->, value(), error().
#include <version>

#if defined(__cpp_lib_expected)
#include <expected>
namespace safehold {
using std::expected;
using std::unexpected;
}  // namespace safehold
#else
#include <cstdlib>
#include <type_traits>
#include <utility>
#include <variant>

namespace safehold {

template <class E>
class unexpected {
 public:
  explicit unexpected(E e) : error_(std::move(e)) {}
  const E& error() const& noexcept { return error_; }
  E& error() & noexcept { return error_; }
  E&& error() && noexcept { return std::move(error_); }

 private:
  E error_;
};
template <class E>
unexpected(E) -> unexpected<E>;

template <class T, class E>
class [[nodiscard]] expected {
 public:
  using value_type = T;
  using error_type = E;
  expected() requires std::is_default_constructible_v<T> : v_(std::in_place_index<0>) {}
  template <class U = T>
    requires(std::is_constructible_v<T, U &&> &&
             !std::is_same_v<std::remove_cvref_t<U>, expected> &&
             !std::is_same_v<std::remove_cvref_t<U>, unexpected<E>>)
  expected(U&& v) : v_(std::in_place_index<0>, std::forward<U>(v)) {}
  template <class G>
  expected(const unexpected<G>& u) : v_(std::in_place_index<1>, u.error()) {}
  template <class G>
  expected(unexpected<G>&& u) : v_(std::in_place_index<1>, std::move(u).error()) {}

  bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  T& operator*() & { return std::get<0>(v_); }
  const T& operator*() const& { return std::get<0>(v_); }
  T&& operator*() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& value() & { check(); return std::get<0>(v_); }
  const T& value() const& { check(); return std::get<0>(v_); }
  T&& value() && { check(); return std::get<0>(std::move(v_)); }
  E& error() & { return std::get<1>(v_); }
  const E& error() const& { return std::get<1>(v_); }
  E&& error() && { return std::get<1>(std::move(v_)); }

 private:
  void check() const { if (!has_value()) std::abort(); }
  std::variant<T, E> v_;
};

template <class E>
class [[nodiscard]] expected<void, E> {
 public:
  using value_type = void;
  using error_type = E;
  expected() noexcept = default;
  template <class G>
  expected(const unexpected<G>& u) : err_(u.error()), ok_(false) {}
  template <class G>
  expected(unexpected<G>&& u) : err_(std::move(u).error()), ok_(false) {}

  bool has_value() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }
  void operator*() const noexcept {}
  void value() const { if (!ok_) std::abort(); }
  E& error() & { return err_; }
  const E& error() const& { return err_; }
  E&& error() && { return std::move(err_); }

 private:
  E err_{};
  bool ok_ = true;
};

}  // namespace safehold
#endif
