// The product version, shared by the command line and the window title.
namespace kiosk::core {
const char* productName() { return "Ideenkiosk"; }
}  // namespace kiosk::core
