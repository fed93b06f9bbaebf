// The join QR code for the projector and printed table cards (libqrcodegencpp), as SVG text or a PNG file.
#pragma once

#include <string>
#include <vector>

namespace phones {

/// The code's modules, row by row (true: dark), with its side length; medium error correction.
struct QrModules {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};
QrModules qrModules(const std::string& text);

/// An SVG document of the code with a quiet zone of four modules.
std::string qrSvg(const std::string& text);
/// Writes a PNG of the code (`scale` pixels a module, a quiet zone of four); throws std::runtime_error naming the file.
void writeQrPng(const std::string& text, const std::string& path, int scale = 8);

}  // namespace phones
