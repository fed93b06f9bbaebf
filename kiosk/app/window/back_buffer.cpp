// GLX_MESA_copy_sub_buffer of the current context's drawable.
#include "kiosk/app/window/back_buffer.h"

#include <GLFW/glfw3.h>
#include <GL/glx.h>

namespace kiosk::app {

namespace {

using CopySubBuffer = void (*)(Display*, GLXDrawable, int, int, int, int);

CopySubBuffer copySubBuffer() {
    static const auto call = reinterpret_cast<CopySubBuffer>(glfwGetProcAddress("glXCopySubBufferMESA"));
    return call;
}

}  // namespace

bool canCopyToWindow() {
    return glfwExtensionSupported("GLX_MESA_copy_sub_buffer") == GLFW_TRUE && copySubBuffer() != nullptr &&
           glXGetCurrentDisplay() != nullptr && glXGetCurrentDrawable() != 0;
}

void copyToWindow(int x, int y, int w, int h, int height) {
    // GLX counts rows from the bottom.
    copySubBuffer()(glXGetCurrentDisplay(), glXGetCurrentDrawable(), x, height - y - h, w, h);
}

}  // namespace kiosk::app
