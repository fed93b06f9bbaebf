// The only place that touches GLFW and OpenGL: one window with a Dear ImGui context on it.
#pragma once

#include "kiosk/ui/fonts.h"

#include <string>

struct GLFWwindow;

namespace kiosk::app {

/// The current (or last) touch: where it went down and how far it travelled since.
struct Gesture {
    float pressX = 0;
    float pressY = 0;
    float travel = 0;
    bool down = false;   ///< the finger (or button) is still down
};

class PlatformWindow {
public:
    /// Fullscreen at the native mode of monitor `monitor` when width is 0, else a window of width×height.
    /// Throws std::runtime_error with a clear message when there is no display or no OpenGL 3.
    PlatformWindow(int monitor, int width, int height, const char* title, bool allowClose = false);
    ~PlatformWindow();
    PlatformWindow(const PlatformWindow&) = delete;
    PlatformWindow& operator=(const PlatformWindow&) = delete;

    ui::Fonts loadFonts();
    /// Waits up to `timeout` seconds (0: just polls). True when input arrived.
    bool waitEvents(double timeout);
    bool shouldClose() const;
    bool escapePressed();
    void beginFrame();
    /// Renders and presents; when `screenshotPath` is not empty the frame is also saved there as PNG.
    void endFrame(const std::string& screenshotPath = {});
    int framebufferHeight() const;
    Gesture gesture() const;

private:
    GLFWwindow* m_window = nullptr;
};

}  // namespace kiosk::app
