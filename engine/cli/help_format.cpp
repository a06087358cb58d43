#include "cli/help_format.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cli/text_table.hpp"

namespace sagsaudit::cli {
namespace {

std::string first_column(const po::option_description& option) {
  const std::string parameter = option.format_parameter();
  return "  " + option.format_name() + (parameter.empty() ? "" : " " + parameter);
}

// `text` as lines of at most `width` characters, broken at blanks; '\n' starts a new line.
std::vector<std::string> wrapped(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view paragraph(text.data() + start, end - start);
    std::string line;
    std::size_t pos = 0;
    while (pos < paragraph.size()) {
      const std::size_t blank = std::min(paragraph.find(' ', pos), paragraph.size());
      const std::string_view word = paragraph.substr(pos, blank - pos);
      pos = blank + 1;
      if (word.empty()) continue;
      if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
        lines.push_back(line);
        line.clear();
      }
      line += (line.empty() ? "" : " ") + std::string(word);
    }
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

}  // namespace

void print_options(std::ostream& out, const std::string& caption,
                   const po::options_description& options, std::size_t line_length) {
  out << caption << ":\n";
  std::size_t column = 23;  // Boost's narrowest first column
  for (const auto& option : options.options()) {
    column = std::max(column, display_width(first_column(*option)));
  }
  column = std::min(column, line_length / 2 - 1) + 1;
  for (const auto& option : options.options()) {
    const std::string name = first_column(*option);
    out << name;
    const std::string& description = option->description();
    if (description.empty()) {
      out << '\n';
      continue;
    }
    const std::size_t used = display_width(name);
    if (used >= column) {
      out << '\n' << std::string(column, ' ');
    } else {
      out << std::string(column - used, ' ');
    }
    const auto lines = wrapped(description, line_length - column);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) out << std::string(column, ' ');
      out << lines[i] << '\n';
    }
  }
}

}  // namespace sagsaudit::cli
