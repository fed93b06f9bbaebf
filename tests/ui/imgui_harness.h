// A headless Dear ImGui context for view tests: draws a view without a window, presses widgets with the
// ImGui mouse, and keeps the elements the view laid out.
#pragma once

#include "kiosk/core/i18n.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/frame.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <functional>
#include <string>
#include <vector>

struct ImGuiHarness {
    kiosk::core::Catalog catalog = kiosk::core::Catalog::load(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n");
    kiosk::ui::Fonts fonts;
    bool largeText = false;  ///< draw with the large fonts, as the kiosk loop does after "Große Schrift"
    double now = 10.0;
    std::vector<kiosk::ui::UiElement> lastElements;
    bool lastFlipped = false;  ///< the last frame was mirrored (Arabic): the pointer is mirrored for the next
    using DrawFn = std::function<void(kiosk::ui::Frame&)>;

    /// `withLargeText`: the atlas also holds the large fonts (set `largeText` to draw with them).
    explicit ImGuiHarness(float width = 1920, float height = 1080, bool withLargeText = false) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        fonts = kiosk::ui::loadFonts(std::min(width, height), withLargeText);  // as the app: from the shorter side
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~ImGuiHarness() { ImGui::DestroyContext(); }
    ImGuiHarness(const ImGuiHarness&) = delete;
    ImGuiHarness& operator=(const ImGuiHarness&) = delete;

    /// One frame with the mouse at `mouse`; returns the events the view sent. `typed` arrives as keyboard input.
    std::vector<kiosk::core::Event> drawFrame(const DrawFn& draw, bool mouseDown, ImVec2 mouse, bool suppress = false,
                                              const std::string& language = "de", const char* typed = nullptr) {
        ImGuiIO& io = ImGui::GetIO();
        // As the kiosk loop does: an Arabic frame is drawn unmirrored and flipped after Render, the pointer with it.
        io.MousePos = lastFlipped ? ImVec2(kiosk::ui::mirroredPointerX(mouse.x, io.DisplaySize.x), mouse.y) : mouse;
        io.MouseDown[0] = mouseDown;
        if (typed) io.AddInputCharactersUTF8(typed);
        now += 1.0 / 60.0;
        ImGui::NewFrame();
        const kiosk::ui::Metrics metrics = kiosk::ui::Metrics::forScreen(io.DisplaySize.x, io.DisplaySize.y);
        const kiosk::ui::Fonts drawn = fonts.forTextSize(largeText);
        kiosk::ui::Frame f{.text = catalog, .fonts = drawn, .metrics = metrics, .now = now, .suppressTaps = suppress,
                           .pressY = mouse.y, .events = {}, .elements = {}, .language = language};
        draw(f);
        ImGui::Render();
        if (f.flipped) kiosk::ui::MirrorDrawData(ImGui::GetDrawData(), io.DisplaySize.x);
        lastFlipped = f.flipped;
        lastElements = f.elements;
        return f.events;
    }

    /// One frame with no pointer on the screen: nothing hovered, nothing tapped.
    void drawUntouched(const DrawFn& draw) { drawFrame(draw, false, ImVec2(-FLT_MAX, -FLT_MAX)); }

    const kiosk::ui::UiElement* element(const std::string& id) const {
        for (const auto& e : lastElements) {
            if (e.id == id) return &e;
        }
        return nullptr;
    }

    /// Draws once to learn where `id` is, then presses and releases it over two frames.
    std::vector<kiosk::core::Event> tapOn(const DrawFn& draw, const std::string& id, bool suppress = false,
                                          const std::string& language = "de") {
        drawFrame(draw, false, ImVec2(-FLT_MAX, -FLT_MAX), suppress, language);
        const auto* e = element(id);
        REQUIRE_MESSAGE(e, "no element " << id);
        const ImVec2 center(e->x + e->w / 2, e->y + e->h / 2);
        drawFrame(draw, true, center, suppress, language);
        return drawFrame(draw, false, center, suppress, language);
    }
};
