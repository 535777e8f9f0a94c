#pragma once
// Waking the UI thread when work on another thread changed what the screen
// shows. The desktop app sleeps in its event loop while nothing happens
// (main.cpp): a worker's result (case rows read, a backup finished, an
// import's progress) would otherwise stay off screen until the next mouse
// move or key. The model calls wake_ui(); main.cpp sets the hook to
// glfwPostEmptyEvent, so the model never knows GLFW. Tests set a counter.
//
// Contract: wake_ui() and wake_ui_for_progress() may be called from any
// thread, at any time, with or without a hook; the hook runs on the calling
// thread and must be thread-safe (glfwPostEmptyEvent is). Workers call it
// after their result is ready to collect (Background does), so the frame it
// causes finds the result.
#include <chrono>
#include <functional>

namespace safehold::appmodel {

// Sets the process's one wake hook; an empty function removes it.
void set_ui_wake(std::function<void()> wake);
// Calls the hook, if any.
void wake_ui();
// For progress reports, which can come thousands of times a second (a
// backup reports per block): calls the hook at most once per
// kProgressWakeInterval. The result's own wake_ui() is never skipped.
inline constexpr std::chrono::milliseconds kProgressWakeInterval{40};
void wake_ui_for_progress();

}  // namespace safehold::appmodel
