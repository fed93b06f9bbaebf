// GLFW window creation, one ImGui context per window, input waiting and PNG screenshots of the framebuffer.
#include "kiosk/app/window/platform_window.h"

#include "kiosk/app/window/back_buffer.h"

#include "kiosk/ui/draw_data.h"
#include "kiosk/ui/shaped_text.h"

#include "imgui.h"
#include "backends/imgui_impl_glfw.h"
#include "backends/imgui_impl_opengl3.h"

#define GLFW_INCLUDE_NONE
#include <malloc.h>
#include <GLFW/glfw3.h>
#include <GL/gl.h>

#include <stb_image_write.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

namespace kiosk::app {

// [SECTION] GLFW, counted: two windows in one process share one glfwInit

namespace {

void onGlfwError(int code, const char* description) { spdlog::error("GLFW error {}: {}", code, description); }

int g_glfwUsers = 0;  // only the main thread opens windows, so a plain counter will do

void acquireGlfw() {
    if (g_glfwUsers == 0) {
        glfwSetErrorCallback(onGlfwError);
        if (!glfwInit()) throw std::runtime_error("cannot open a window: no display (is DISPLAY set and X running?)");
    }
    ++g_glfwUsers;
}

void releaseGlfw() {
    if (--g_glfwUsers == 0) glfwTerminate();
}

std::string missingMonitor(int index, int count) {
    if (count == 0) return "cannot open a window: no monitor found";
    return "monitor " + std::to_string(index) + " does not exist; there " + (count == 1 ? "is 1 monitor (0)" :
           "are " + std::to_string(count) + " monitors (0 to " + std::to_string(count - 1) + ")");
}

}  // namespace

PlatformWindow::GlfwUse::GlfwUse() { acquireGlfw(); }
PlatformWindow::GlfwUse::~GlfwUse() { releaseGlfw(); }

void requireMonitor(int index, const std::string& option) {
    acquireGlfw();
    int count = 0;
    glfwGetMonitors(&count);
    releaseGlfw();
    if (index >= count) throw std::runtime_error(option + " " + std::to_string(index) + ": " + missingMonitor(index, count));
}

std::vector<MonitorInfo> listMonitors() {
    acquireGlfw();
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    std::vector<MonitorInfo> list;
    for (int i = 0; i < count; ++i) {
        MonitorInfo info;
        if (const char* name = glfwGetMonitorName(monitors[i])) info.name = name;
        if (const GLFWvidmode* mode = glfwGetVideoMode(monitors[i])) {
            info.width = mode->width;
            info.height = mode->height;
        }
        list.push_back(info);
    }
    releaseGlfw();
    return list;
}

// [SECTION] Input callbacks of the main window

namespace {

struct WindowState {
    bool allowClose = false;
    ImGuiContext* imgui = nullptr;
    bool escape = false;
    bool input = false;
    int framesSinceRelease = 99;  // hover is cleared once a release has been seen by ImGui
    bool down = false;
    double pressX = 0, pressY = 0;
    double travel = 0;            // furthest the pointer got from where it went down, in pixels
    // ImGui 1.86 keeps only whether a key is down now: a press and its release that arrive in the same wait (a
    // quick tap on Enter while the machine is busy, or xdotool) would never be seen by a frame. Such a release is
    // held back until one frame has seen the key down (two quick presses of one key still count as one).
    struct KeyRelease {
        int key, scancode, mods;
    };
    std::vector<int> pressedSinceFrame;
    std::vector<KeyRelease> heldReleases;          // released before any frame saw the press
    std::vector<KeyRelease> releasesForNextFrame;  // their press was seen by the frame that began last
    unsigned int linearSampler = 0;  // bilinear filtering for glyphs drawn at another size (see uploadFontAtlas)
    bool copiesToWindow = false;     // its back buffer holds the frame shown (PlatformWindow::endFrame)
};

WindowState& stateOf(GLFWwindow* window) { return *static_cast<WindowState*>(glfwGetWindowUserPointer(window)); }

// The X server asks for a part of the window again (uncovered, mapped): where the back buffer holds the frame
// shown, it is copied again, whether or not the loop draws a new frame.
void onRefresh(GLFWwindow* window) {
    if (!stateOf(window).copiesToWindow) return;
    GLFWwindow* current = glfwGetCurrentContext();
    if (current != window) glfwMakeContextCurrent(window);
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    copyToWindow(0, 0, w, h, h);
    if (current != window) glfwMakeContextCurrent(current);
}

// GLFW runs the callbacks of every window during one wait, while the ImGui context of whichever window drew last
// is current; ImGui 1.86's GLFW backend works on the current context. So ImGui's callbacks are called from ours
// (the backend is initialised without its own) inside their window's context, which is then switched back.
class InContextOf {
public:
    explicit InContextOf(GLFWwindow* window) : m_previous(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(stateOf(window).imgui);
    }
    ~InContextOf() { ImGui::SetCurrentContext(m_previous); }
    InContextOf(const InContextOf&) = delete;
    InContextOf& operator=(const InContextOf&) = delete;

private:
    ImGuiContext* m_previous;
};

// ImGui's callback first, then ours, which only notes that input happened.
void onKey(GLFWwindow* w, int key, int scancode, int action, int mods) {
    WindowState& state = stateOf(w);
    state.input = true;
    const bool unseen = std::find(state.pressedSinceFrame.begin(), state.pressedSinceFrame.end(), key) != state.pressedSinceFrame.end();
    if (action == GLFW_RELEASE && unseen) {
        state.heldReleases.push_back({key, scancode, mods});
        return;
    }
    if (action == GLFW_PRESS) state.pressedSinceFrame.push_back(key);
    { InContextOf scope(w); ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods); }
    if (key == GLFW_KEY_ESCAPE && action == GLFW_PRESS) stateOf(w).escape = true;
}
void onCursor(GLFWwindow* w, double x, double y) {
    WindowState& state = stateOf(w);
    state.input = true;
    if (state.down) state.travel = std::max(state.travel, std::hypot(x - state.pressX, y - state.pressY));
}
void onButton(GLFWwindow* w, int button, int action, int mods) {
    { InContextOf scope(w); ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods); }
    WindowState& state = stateOf(w);
    state.input = true;
    if (button != GLFW_MOUSE_BUTTON_LEFT) return;
    // Input events can arrive faster than frames (a quick swipe, or xdotool): the gesture is measured
    // here, event by event, so a swipe is never mistaken for a tap where the finger was lifted.
    if (action == GLFW_PRESS) {
        state.down = true;
        glfwGetCursorPos(w, &state.pressX, &state.pressY);
        state.travel = 0;
    } else if (action == GLFW_RELEASE) {
        state.down = false;
        state.framesSinceRelease = 0;
    }
}
void onChar(GLFWwindow* w, unsigned int c) {
    { InContextOf scope(w); ImGui_ImplGlfw_CharCallback(w, c); }
    stateOf(w).input = true;
}
void onScroll(GLFWwindow* w, double x, double y) {
    { InContextOf scope(w); ImGui_ImplGlfw_ScrollCallback(w, x, y); }
    stateOf(w).input = true;
}
void onFocus(GLFWwindow* w, int focused) {
    InContextOf scope(w);
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
}
void onCursorEnter(GLFWwindow* w, int entered) {
    InContextOf scope(w);
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
}
// Alt+F4 and the window manager's close button must not end a kiosk that people are using.
void onClose(GLFWwindow* w) {
    if (!stateOf(w).allowClose) glfwSetWindowShouldClose(w, GLFW_FALSE);
}

// Called before a frame begins: the releases held back during the frame before go to ImGui now, and those held
// since then wait for the frame about to begin, which sees their keys down.
void releaseHeldKeys(GLFWwindow* window) {
    WindowState& state = stateOf(window);
    for (const WindowState::KeyRelease& r : state.releasesForNextFrame) {
        ImGui_ImplGlfw_KeyCallback(window, r.key, r.scancode, GLFW_RELEASE, r.mods);
    }
    state.releasesForNextFrame = std::move(state.heldReleases);
    state.heldReleases.clear();
    state.pressedSinceFrame.clear();
}

void installInputCallbacks(GLFWwindow* window) {
    glfwSetKeyCallback(window, onKey);
    glfwSetCursorPosCallback(window, onCursor);
    glfwSetMouseButtonCallback(window, onButton);
    glfwSetCharCallback(window, onChar);
    glfwSetScrollCallback(window, onScroll);
    glfwSetWindowFocusCallback(window, onFocus);
    glfwSetCursorEnterCallback(window, onCursorEnter);
}

}  // namespace

// [SECTION] The font atlas

namespace {

// OpenGL 3.3's sampler objects, which <GL/gl.h> (OpenGL 1.x) does not declare; looked up once, for every context.
PFNGLGENSAMPLERSPROC g_genSamplers = nullptr;
PFNGLDELETESAMPLERSPROC g_deleteSamplers = nullptr;
PFNGLBINDSAMPLERPROC g_bindSampler = nullptr;
PFNGLSAMPLERPARAMETERIPROC g_samplerParameteri = nullptr;

// A bilinear sampler object for the current context, which overrides the atlas's nearest filtering while bound.
unsigned int createLinearSampler() {
    if (!g_genSamplers) {
        g_genSamplers = reinterpret_cast<PFNGLGENSAMPLERSPROC>(glfwGetProcAddress("glGenSamplers"));
        g_deleteSamplers = reinterpret_cast<PFNGLDELETESAMPLERSPROC>(glfwGetProcAddress("glDeleteSamplers"));
        g_bindSampler = reinterpret_cast<PFNGLBINDSAMPLERPROC>(glfwGetProcAddress("glBindSampler"));
        g_samplerParameteri = reinterpret_cast<PFNGLSAMPLERPARAMETERIPROC>(glfwGetProcAddress("glSamplerParameteri"));
    }
    if (!g_genSamplers || !g_deleteSamplers || !g_bindSampler || !g_samplerParameteri) return 0;
    GLuint sampler = 0;
    g_genSamplers(1, &sampler);
    g_samplerParameteri(sampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    g_samplerParameteri(sampler, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    return sampler;
}

// The draw callbacks of ui::SetScaledTextSampling, called by ImGui's OpenGL backend between a window's draw calls
// (its state saved and restored around them: the sampler bound before a frame is bound again after it).
void sampleScaledGlyphs(const ImDrawList*, const ImDrawCmd*) {
    if (GLFWwindow* window = glfwGetCurrentContext()) {
        if (const unsigned int sampler = stateOf(window).linearSampler) g_bindSampler(0, sampler);
    }
}
void sampleAsTheAtlas(const ImDrawList*, const ImDrawCmd*) {
    if (g_bindSampler) g_bindSampler(0, 0);
}

// ImGui's OpenGL backend uploads the atlas as RGBA (4 bytes a pixel, white with the glyph in alpha) and keeps both
// the one-byte and the four-byte copy in memory. Here the atlas goes up as one byte a pixel (GL_R8), read by
// the backend's shader as (1, 1, 1, coverage) through the texture swizzle, and the CPU copies are freed: the
// glyphs' positions stay in the fonts, and nothing asks for the pixels again (the backend's device objects exist
// before the fonts are built, so its first NewFrame does not build an atlas of its own).
// The atlas is sampled nearest, not bilinear: text at its baked size lands texel on pixel (the same picture), and
// llvmpipe, the software renderer of PCs without a graphics card, spends most of a frame in its fragment shader,
// where bilinear filtering cost about a quarter of the frame (issue 19, bench.sh's scroll of 5,000 ideas at
// 1920x1080, measured A/B on a busy machine: whole-process CPU per frame p50 22 -> 16 ms). Glyphs drawn at another
// size are filtered bilinearly through a sampler object (sampleScaledGlyphs); ImGui's anti-aliased lines, which it
// draws from textures baked into the atlas that need bilinear filtering, are drawn as geometry (see the window).
void uploadFontAtlas(unsigned int& texture) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (texture) glDeleteTextures(1, &texture);
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)));
    spdlog::debug("font atlas {}x{} uploaded as one byte a pixel", width, height);
    atlas->ClearTexData();
    // The atlas keeps a copy of every font file it was built from (19 of them: the three Noto faces, Arabic and
    // icons merged into each size, about 6 MB); the glyphs are baked, and a rebuild starts from the files again.
    atlas->ClearInputData();
    // The atlas's build (FreeType bitmaps, packing, the pixel copy) freed megabytes that glibc keeps in the heap;
    // hand them back, or the kiosk's resident memory keeps the build's peak (measured: +15 MiB PSS with the large fonts).
    malloc_trim(0);
}

}  // namespace

// [SECTION] The window

PlatformWindow::PlatformWindow(int monitorIndex, int width, int height, const char* title, bool allowClose,
                               WindowRole role)
    : m_role(role) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (monitorIndex >= count) throw std::runtime_error(missingMonitor(monitorIndex, count));
    GLFWmonitor* monitor = monitors[monitorIndex];
    const bool secondary = role == WindowRole::Secondary;
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    // ImGui draws with neither a depth nor a stencil test: without them, software OpenGL keeps no depth-stencil
    // buffer beside each window's colour buffers (8 MiB at 1920x1080).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
    // A second window must not take the keyboard or the pointer from the kiosk it opens beside.
    glfwWindowHint(GLFW_FOCUSED, secondary ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, secondary ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_CENTER_CURSOR, secondary ? GLFW_FALSE : GLFW_TRUE);
    if (width > 0) {
        m_window = glfwCreateWindow(width, height, title, nullptr, nullptr);
    } else {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        m_window = glfwCreateWindow(mode->width, mode->height, title, monitor, nullptr);
    }
    if (!m_window) throw std::runtime_error("cannot create an OpenGL 3.3 window (is Mesa's libgl1-mesa-dri installed?)");
    glfwMakeContextCurrent(m_window);
    // The main window's swap paces the loop; a second swap that also waited would halve the frame rate.
    glfwSwapInterval(secondary ? 0 : 1);
    glfwSetInputMode(m_window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

    IMGUI_CHECKVERSION();
    m_imgui = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_imgui);
    auto* state = new WindowState;
    state->allowClose = allowClose;
    state->imgui = m_imgui;
    glfwSetWindowUserPointer(m_window, state);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no state between runs
    io.LogFilename = nullptr;
    ImGui::StyleColorsLight();
    // Anti-aliased lines as a few more triangles, not from the atlas's baked line textures: those are made for
    // bilinear filtering, and the atlas is sampled nearest (see uploadFontAtlas).
    ImGui::GetStyle().AntiAliasedLinesUseTex = false;
    state->linearSampler = createLinearSampler();
    ui::SetScaledTextSampling(sampleScaledGlyphs, sampleAsTheAtlas);
    if (secondary) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // the projector never shows a pointer
    ImGui_ImplGlfw_InitForOpenGL(m_window, false);  // our callbacks call the backend's in the right context
    ImGui_ImplOpenGL3_Init("#version 330");
    // The shaders now, so the first NewFrame does not upload a font atlas of its own (see loadFonts).
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    glfwSetWindowCloseCallback(m_window, onClose);
    if (!secondary) installInputCallbacks(m_window);
    m_copiesToWindow = canCopyToWindow();
    stateOf(m_window).copiesToWindow = m_copiesToWindow;
    glfwSetWindowRefreshCallback(m_window, onRefresh);
    const char* check = std::getenv("IDEEN_CHECK_DAMAGE");
    m_checkDamage = check && std::string(check) == "1";
}

PlatformWindow::~PlatformWindow() {
    makeCurrent();
    spdlog::info("frames drawn: {} whole, {} only where they changed, {} unchanged (not drawn){}", m_counts.whole,
                 m_counts.partial, m_counts.unchanged,
                 m_checkDamage ? ", " + std::to_string(m_counts.mismatches) + " partial frames differing from whole ones" : "");
    if (m_fontTexture) glDeleteTextures(1, &m_fontTexture);
    if (stateOf(m_window).linearSampler) g_deleteSamplers(1, &stateOf(m_window).linearSampler);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(m_imgui);
    WindowState* state = &stateOf(m_window);
    glfwDestroyWindow(m_window);
    delete state;
}

void PlatformWindow::makeCurrent() const {
    if (glfwGetCurrentContext() != m_window) glfwMakeContextCurrent(m_window);
    ImGui::SetCurrentContext(m_imgui);
}

ui::Fonts PlatformWindow::loadFonts(bool withLargeText) {
    makeCurrent();
    // Text scales with the shorter side, like the touch targets, so a portrait stele gets the same sizes.
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    ui::Fonts fonts = ui::loadFonts(static_cast<float>(std::min(w, h)), withLargeText);
    uploadFontAtlas(m_fontTexture);
    m_damage.Invalidate();  // the atlas may come back under the same texture name
    // The atlas is the kiosk's largest single allocation after the libraries (bench.sh reports this line).
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    int glyphs = 0;
    for (const ImFont* font : atlas->Fonts) glyphs += font->Glyphs.Size;
    spdlog::info("font atlas {}x{} px, {} glyphs", atlas->TexWidth, atlas->TexHeight, glyphs);
    return fonts;
}

Gesture PlatformWindow::gesture() const {
    const WindowState& state = stateOf(m_window);
    return {static_cast<float>(state.pressX), static_cast<float>(state.pressY), static_cast<float>(state.travel), state.down};
}

std::pair<float, float> PlatformWindow::displaySize() const {
    int w = 0, h = 0;
    glfwGetWindowSize(m_window, &w, &h);
    return {static_cast<float>(w), static_cast<float>(h)};
}

bool PlatformWindow::windowed() const { return glfwGetWindowMonitor(m_window) == nullptr; }

void PlatformWindow::placeRightOf(const PlatformWindow& other) {
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetWindowPos(other.m_window, &x, &y);
    glfwGetWindowSize(other.m_window, &w, &h);
    glfwSetWindowPos(m_window, x + w, y);
}

bool PlatformWindow::waitEvents(double timeout) {
    stateOf(m_window).input = false;
    if (timeout <= 0) {
        glfwPollEvents();
    } else {
        glfwWaitEventsTimeout(timeout);
    }
    return stateOf(m_window).input;
}

bool PlatformWindow::shouldClose() const { return glfwWindowShouldClose(m_window) != 0; }

bool PlatformWindow::escapePressed() {
    const bool pressed = stateOf(m_window).escape;
    stateOf(m_window).escape = false;
    return pressed;
}

void PlatformWindow::beginFrame(bool mirrored) {
    makeCurrent();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (m_role == WindowRole::Secondary) {
        ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // takes no input: nothing on it is ever hovered
        ImGui::NewFrame();
        return;
    }
    // Touch arrives as an emulated mouse whose pointer stays where the finger left: after a release has been
    // processed, move it off screen so nothing stays "hovered" for the next person.
    WindowState& state = stateOf(m_window);
    // The backend reads the pointer only while the window has focus or saw the pointer enter; a kiosk's one
    // window owns every touch, so a tap right after start (or after a notification stole focus) must count.
    double x = 0, y = 0;
    glfwGetCursorPos(m_window, &x, &y);
    ImGui::GetIO().MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
    const bool down = glfwGetMouseButton(m_window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
    if (down) {
        state.framesSinceRelease = 99;
    } else if (state.framesSinceRelease >= 2) {
        ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    } else {
        ++state.framesSinceRelease;
    }
    if (mirrored) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos.x = ui::mirroredPointerX(io.MousePos.x, io.DisplaySize.x);
    }
    releaseHeldKeys(m_window);
    ImGui::NewFrame();
}

namespace {

// A screen without an opaque page of its own is cleared to this (0 is never an opaque page's colour).
constexpr ImU32 kNoPage = 0;

void clearTo(ImU32 background) {
    if (background == kNoPage) {
        glClearColor(0.93f, 0.94f, 0.96f, 1.0f);
    } else {
        const ImVec4 colour = ImGui::ColorConvertU32ToFloat4(background);
        glClearColor(colour.x, colour.y, colour.z, 1.0f);
    }
    glClear(GL_COLOR_BUFFER_BIT);
}

// The back buffer's pixels (RGB, bottom row first), read before the swap.
std::vector<unsigned char> readBackBuffer(int w, int h) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    return pixels;
}

void writeScreenshot(const std::string& path, int w, int h) {
    const std::vector<unsigned char> pixels = readBackBuffer(w, h);
    stbi_flip_vertically_on_write(1);  // OpenGL's rows start at the bottom, PNG's at the top
    const std::string temp = path + ".tmp.png";
    if (stbi_write_png(temp.c_str(), w, h, 3, pixels.data(), w * 3) && std::rename(temp.c_str(), path.c_str()) == 0) {
        spdlog::info("screenshot written to {}", path);
    } else {
        spdlog::error("could not write the screenshot {}", path);
    }
}

}  // namespace

// A software rasteriser (llvmpipe, on PCs without a graphics card) pays for every pixel it draws. Where frames are
// shown by copying the back buffer to the window (Mesa's software GLX), the back buffer keeps the frame shown, and
// the next one is drawn and copied only where it differs (ui::FrameDamage). A frame that changed nothing is not
// drawn or shown at all. (An offscreen copy of the last frame, copied to the window on every frame, cost llvmpipe
// as much as it saved on the projector's language turn: measured, not kept.)
void PlatformWindow::endFrame(const std::string& screenshotPath, bool mirrored) {
    makeCurrent();
    ImGui::Render();
    ImDrawData* data = ImGui::GetDrawData();
    if (mirrored) ui::MirrorDrawData(data, ImGui::GetIO().DisplaySize.x);
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    // A screen's opaque page is cleared to its colour instead of drawn as one more full-screen blended rectangle
    // (the same pixels, one pass over the screen less).
    const ImU32 background = ui::TakeOpaqueBackground(*data).value_or(kNoPage);
    const ui::Damage damage = m_damage.Update(*data, background, w, h);
    const bool shoot = !screenshotPath.empty();
    if (!shoot && !damage.full && damage.rects.empty()) {
        ++m_counts.unchanged;  // the window keeps showing the last frame
        paceAfterShowing(false);
        return;
    }
    glViewport(0, 0, w, h);
    if (m_copiesToWindow && !damage.full) {
        drawPartial(*data, damage, background, w, h);
        for (const ui::PixelRect& r : damage.rects) copyToWindow(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0, h);
    } else {
        clearTo(background);
        ImGui_ImplOpenGL3_RenderDrawData(data);
        ++m_counts.whole;
        if (shoot) writeScreenshot(screenshotPath, w, h);  // before a swap, which may leave the back buffer undefined
        if (m_copiesToWindow) {
            copyToWindow(0, 0, w, h, h);
        } else {
            glfwSwapBuffers(m_window);
        }
    }
    if (shoot && m_copiesToWindow && !damage.full) writeScreenshot(screenshotPath, w, h);  // the whole frame is there
    paceAfterShowing(!m_copiesToWindow);
}

// A main window's swap waits for the display's vsync, which paces a loop that draws while something animates.
// Without a swap (a copy to the window, or nothing shown) the loop waits here as long, so it does not spin.
void PlatformWindow::paceAfterShowing(bool swapped) {
    const double wait = m_lastShown + 1.0 / 60.0 - glfwGetTime();
    if (m_role == WindowRole::Main && !swapped && wait > 0) std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    m_lastShown = glfwGetTime();
}

// Only inside the damaged rectangles: each is cleared and the whole frame's commands drawn clipped to it, so its
// pixels come out as a whole frame's would; the rest of the back buffer keeps the frame shown.
void PlatformWindow::drawPartial(ImDrawData& data, const ui::Damage& damage, ImU32 background, int width, int height) {
    const std::vector<ImVec4> saved = ui::SaveClipRects(data);
    for (const ui::PixelRect& rect : damage.rects) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(rect.x0, height - rect.y1, rect.x1 - rect.x0, rect.y1 - rect.y0);
        clearTo(background);
        ui::ClipDrawDataTo(data, saved, rect, height);
        ImGui_ImplOpenGL3_RenderDrawData(&data);
    }
    glDisable(GL_SCISSOR_TEST);
    ui::RestoreClipRects(data, saved);
    ++m_counts.partial;
    if (m_checkDamage) checkPartial(data, background, width, height);
}

// IDEEN_CHECK_DAMAGE=1 (the end-to-end tests): the same frame drawn whole must give the same pixels. The whole
// frame stays in the back buffer.
void PlatformWindow::checkPartial(ImDrawData& data, ImU32 background, int width, int height) {
    const std::vector<unsigned char> partial = readBackBuffer(width, height);
    clearTo(background);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    const std::vector<unsigned char> whole = readBackBuffer(width, height);
    long differing = 0;
    for (std::size_t i = 0; i < whole.size(); i += 3) {
        if (whole[i] != partial[i] || whole[i + 1] != partial[i + 1] || whole[i + 2] != partial[i + 2]) ++differing;
    }
    if (differing > 0) {
        ++m_counts.mismatches;
        spdlog::error("a frame drawn only where it changed differs from the same frame drawn whole at {} pixels",
                      differing);
    }
}

}  // namespace kiosk::app
