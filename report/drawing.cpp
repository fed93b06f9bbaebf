// Text and output helpers for the report's drawings (see drawing.h).
#include "report/drawing.h"

#include "storage/types.h"

namespace report::draw {

namespace {

// Noto Sans from fonts-noto-core; fontconfig falls back to Noto Sans Arabic and the other Noto fonts for
// scripts Noto Sans does not cover.
constexpr const char* kFamily = "Noto Sans";

}  // namespace

Text::Text(cairo_t* cr) : m_cr(cr), m_context(pango_cairo_create_context(cr)) {
    // One point of text is one unit of the surface, whatever pango's default screen resolution is.
    pango_cairo_context_set_resolution(m_context, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(m_context, options);
    cairo_font_options_destroy(options);
}

Text::~Text() { g_object_unref(m_context); }

PangoLayout* Text::layout(const std::string& text, double width, Font font, Align align, int maxLines) {
    pango_cairo_update_context(m_cr, m_context);
    PangoLayout* layout = pango_layout_new(m_context);
    PangoFontDescription* description = pango_font_description_new();
    pango_font_description_set_family(description, kFamily);
    pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(description, font.size * PANGO_SCALE);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    if (width > 0) {
        pango_layout_set_width(layout, pango_units_from_double(width));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    if (maxLines > 0) {
        pango_layout_set_height(layout, -maxLines);
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    }
    pango_layout_set_alignment(layout, align == Align::Center  ? PANGO_ALIGN_CENTER
                                       : align == Align::Right ? PANGO_ALIGN_RIGHT
                                                               : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    return layout;
}

double Text::draw(const std::string& text, double x, double y, double width, Font font, Align align, int maxLines) {
    PangoLayout* l = layout(text, width, font, align, maxLines);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, l);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return pango_units_to_double(h);
}

double Text::height(const std::string& text, double width, Font font, int maxLines) {
    PangoLayout* l = layout(text, width, font, Align::Left, maxLines);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return pango_units_to_double(h);
}

double Text::width(const std::string& text, Font font) {
    PangoLayout* l = layout(text, 0, font, Align::Left, 0);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return pango_units_to_double(w);
}

cairo_status_t writeToStream(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::ostream*>(closure);
    out->write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
    return *out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

void finish(cairo_surface_t* surface, const std::string& what) {
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        throw storage::StoreError("cannot write " + what + ": " + cairo_status_to_string(status));
    }
}

void setGrey(cairo_t* cr, double level) { cairo_set_source_rgb(cr, level, level, level); }

}  // namespace report::draw

// Under LeakSanitizer (the asan preset, detect_leaks=1): fontconfig, which pango loads fonts through, keeps its
// configuration and font cache for the life of the process and never frees them; that is not a leak of ours.
// Any process that draws text links this file, so the suppression comes with it; other builds never call it.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
// Without this, LeakSanitizer lists the suppressions it used on stderr at exit, after the one line a failed
// command prints, and a test (or an organiser's script) reading that line gets four more.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
