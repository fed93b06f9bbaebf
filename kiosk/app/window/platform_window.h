// The only place that touches GLFW and OpenGL: a window with its own Dear ImGui context, one or two per process.
#pragma once

#include "kiosk/app/logic/window_launcher.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/frame_damage.h"

#include <string>
#include <utility>
#include <vector>

struct GLFWwindow;
struct ImGuiContext;

namespace kiosk::app {

/// The current (or last) touch: where it went down and how far it travelled since.
struct Gesture {
    float pressX = 0;
    float pressY = 0;
    float travel = 0;
    bool down = false;   ///< the finger (or button) is still down
};

/// How the frames of a window were drawn, for the log and the tests.
struct FrameCounts {
    long whole = 0;      ///< drawn whole
    long partial = 0;    ///< drawn only where they changed, into the back buffer that held the last frame
    long unchanged = 0;  ///< nothing changed: not drawn, not swapped (the window keeps showing the last frame)
    long mismatches = 0; ///< IDEEN_CHECK_DAMAGE=1: partial frames whose pixels differ from the same frame drawn whole
};

/// How a window takes part in its process.
enum class WindowRole {
    Main,       ///< takes touch and keys, takes focus, waits for vsync when it swaps
    Secondary,  ///< beside a main window (the projector of `run --projector-monitor`): installs no input callbacks,
                ///< never takes focus, swaps without vsync so that two swaps per loop do not halve the frame rate
};

/// Throws std::runtime_error starting with `option` when monitor `index` does not exist or there is no display;
/// lets a caller refuse before any window opens.
void requireMonitor(int index, const std::string& option);
/// The monitors GLFW sees (throws std::runtime_error without a display).
std::vector<MonitorInfo> listMonitors();

/// One GLFW window with its own OpenGL and Dear ImGui contexts. GLFW stays initialised while any window lives.
///
/// Contexts: every method that touches ImGui or OpenGL first makes this window's ImGui and GL contexts current and
/// leaves them current, so all ImGui calls between beginFrame() and endFrame() go to this window. Input callbacks,
/// which GLFW runs for any window during any wait, switch to their own window's ImGui context and switch back.
class PlatformWindow {
public:
    /// Fullscreen at the native mode of monitor `monitor` when width is 0, else a window of width×height.
    /// Throws std::runtime_error with a clear message when there is no display or no OpenGL 3.
    PlatformWindow(int monitor, int width, int height, const char* title, bool allowClose = false,
                   WindowRole role = WindowRole::Main);
    ~PlatformWindow();
    PlatformWindow(const PlatformWindow&) = delete;
    PlatformWindow& operator=(const PlatformWindow&) = delete;

    /// Builds the fonts for this window's size and uploads their atlas as a one-byte-per-pixel texture; the atlas's
    /// pixels are then freed on the CPU side (see uploadFontAtlas in the .cpp). `withLargeText`: the attendees'
    /// large fonts too (the kiosk; the projector and the panel do without).
    ui::Fonts loadFonts(bool withLargeText = false);
    /// Waits up to `timeout` seconds (0: just polls) for events of any window. True when input reached this one.
    bool waitEvents(double timeout);
    bool shouldClose() const;
    bool escapePressed();
    /// Starts a frame. `mirrored`: the frame is drawn for a right-to-left language and flipped at its end, so the
    /// pointer is flipped the same way for the hit tests.
    void beginFrame(bool mirrored = false);
    /// Renders and presents; when `screenshotPath` is not empty the frame is also saved there as PNG. `mirrored`:
    /// the picture is flipped left to right with its text kept readable (ui::MirrorDrawData).
    void endFrame(const std::string& screenshotPath = {}, bool mirrored = false);
    /// The window's size in screen coordinates (what ImGui's DisplaySize becomes at the next frame); safe to call
    /// whichever ImGui context is current.
    std::pair<float, float> displaySize() const;
    Gesture gesture() const;
    bool windowed() const;
    /// Moves this window to the right edge of `other` (windowed development setups: both stay visible).
    void placeRightOf(const PlatformWindow& other);
    /// How the frames so far were drawn (whole, only where they changed, not at all).
    const FrameCounts& frameCounts() const { return m_counts; }

private:
    /// glfwInit on the first use in the process, glfwTerminate after the last.
    struct GlfwUse {
        GlfwUse();
        ~GlfwUse();
        GlfwUse(const GlfwUse&) = delete;
        GlfwUse& operator=(const GlfwUse&) = delete;
    };
    void makeCurrent() const;
    void drawPartial(ImDrawData& data, const ui::Damage& damage, ImU32 background, int width, int height);
    void paceAfterShowing(bool swapped);
    void checkPartial(ImDrawData& data, ImU32 background, int width, int height);

    GlfwUse m_glfw;  // first member: GLFW outlives everything below, also when the constructor throws
    GLFWwindow* m_window = nullptr;
    ImGuiContext* m_imgui = nullptr;
    WindowRole m_role = WindowRole::Main;
    unsigned int m_fontTexture = 0;  // the font atlas (GL name), ours rather than the backend's
    ui::FrameDamage m_damage;
    FrameCounts m_counts;
    double m_lastShown = -1.0;      // glfwGetTime() after the last frame was shown (or the pause that stood in)
    bool m_copiesToWindow = false;  // frames are shown by copying the back buffer (back_buffer.h), not swapped
    bool m_checkDamage = false;  // IDEEN_CHECK_DAMAGE=1: every partial frame compared with the same frame drawn whole
};

}  // namespace kiosk::app
