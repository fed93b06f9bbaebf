// The offscreen framebuffer of canvas.h, through OpenGL 3.0's framebuffer objects (looked up at run time:
// <GL/gl.h> declares OpenGL 1.x only).
#include "kiosk/app/window/canvas.h"

#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <GL/glext.h>

namespace kiosk::app {

namespace {

struct FramebufferCalls {
    PFNGLGENFRAMEBUFFERSPROC genFramebuffers = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC deleteFramebuffers = nullptr;
    PFNGLBINDFRAMEBUFFERPROC bindFramebuffer = nullptr;
    PFNGLGENRENDERBUFFERSPROC genRenderbuffers = nullptr;
    PFNGLDELETERENDERBUFFERSPROC deleteRenderbuffers = nullptr;
    PFNGLBINDRENDERBUFFERPROC bindRenderbuffer = nullptr;
    PFNGLRENDERBUFFERSTORAGEPROC renderbufferStorage = nullptr;
    PFNGLFRAMEBUFFERRENDERBUFFERPROC framebufferRenderbuffer = nullptr;
    PFNGLCHECKFRAMEBUFFERSTATUSPROC checkFramebufferStatus = nullptr;
    PFNGLBLITFRAMEBUFFERPROC blitFramebuffer = nullptr;
    bool complete = false;
};

template <typename F>
void lookUp(F& call, const char* name) {
    call = reinterpret_cast<F>(glfwGetProcAddress(name));
}

const FramebufferCalls& calls() {
    static const FramebufferCalls found = [] {
        FramebufferCalls c;
        lookUp(c.genFramebuffers, "glGenFramebuffers");
        lookUp(c.deleteFramebuffers, "glDeleteFramebuffers");
        lookUp(c.bindFramebuffer, "glBindFramebuffer");
        lookUp(c.genRenderbuffers, "glGenRenderbuffers");
        lookUp(c.deleteRenderbuffers, "glDeleteRenderbuffers");
        lookUp(c.bindRenderbuffer, "glBindRenderbuffer");
        lookUp(c.renderbufferStorage, "glRenderbufferStorage");
        lookUp(c.framebufferRenderbuffer, "glFramebufferRenderbuffer");
        lookUp(c.checkFramebufferStatus, "glCheckFramebufferStatus");
        lookUp(c.blitFramebuffer, "glBlitFramebuffer");
        c.complete = c.genFramebuffers && c.deleteFramebuffers && c.bindFramebuffer && c.genRenderbuffers &&
                     c.deleteRenderbuffers && c.bindRenderbuffer && c.renderbufferStorage &&
                     c.framebufferRenderbuffer && c.checkFramebufferStatus && c.blitFramebuffer;
        return c;
    }();
    return found;
}

}  // namespace

Canvas::~Canvas() { release(); }

void Canvas::release() {
    const FramebufferCalls& gl = calls();
    if (m_framebuffer) gl.deleteFramebuffers(1, &m_framebuffer);
    if (m_colour) gl.deleteRenderbuffers(1, &m_colour);
    m_framebuffer = m_colour = 0;
    m_width = m_height = 0;
    holdsFrame = false;
}

bool Canvas::bind(int width, int height) {
    if (m_unavailable || width <= 0 || height <= 0) return false;
    const FramebufferCalls& gl = calls();
    if (!gl.complete) {
        m_unavailable = true;
        return false;
    }
    if (m_framebuffer && (width != m_width || height != m_height)) release();
    if (!m_framebuffer) {
        gl.genRenderbuffers(1, &m_colour);
        gl.bindRenderbuffer(GL_RENDERBUFFER, m_colour);
        gl.renderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        gl.genFramebuffers(1, &m_framebuffer);
        gl.bindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
        gl.framebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour);
        if (gl.checkFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            gl.bindFramebuffer(GL_FRAMEBUFFER, 0);
            release();
            m_unavailable = true;
            return false;
        }
        m_width = width;
        m_height = height;
        holdsFrame = false;
    }
    gl.bindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
    return true;
}

void Canvas::present() const {
    const FramebufferCalls& gl = calls();
    gl.bindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
    gl.bindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    gl.blitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    gl.bindFramebuffer(GL_FRAMEBUFFER, 0);
}

std::vector<unsigned char> Canvas::read() const {
    const FramebufferCalls& gl = calls();
    std::vector<unsigned char> pixels(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height) * 3);
    gl.bindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_width, m_height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    return pixels;
}

}  // namespace kiosk::app
