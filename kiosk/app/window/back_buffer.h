// Showing a frame by copying the back buffer to the window (GLX_MESA_copy_sub_buffer, which Mesa's software GLX
// has) instead of swapping: the back buffer keeps the frame shown, so the next one can be drawn only where it
// changed and only those rectangles copied. Apart from the window because the X11 and GLX headers define names
// such as None and Status that other code uses.
#pragma once

namespace kiosk::app {

/// Whether the current context can copy parts of its back buffer to its window. Call with the context current.
bool canCopyToWindow();

/// Copies the rectangle at (x, y), w x h framebuffer pixels from the top left of a framebuffer `height` tall, from
/// the back buffer of the current context's drawable to its window (with an implicit glFlush).
void copyToWindow(int x, int y, int w, int h, int height);

}  // namespace kiosk::app
