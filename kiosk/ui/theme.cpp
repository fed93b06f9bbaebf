// Placeholder so the ui library has a source until the views land.
namespace kiosk::ui {}
