#include "loading/csv_reader.hpp"

namespace sagsaudit {

std::string& CsvReader::next_field(CsvRecord& record) {
  if (record.field_count == record.fields.size()) record.fields.emplace_back();
  std::string& field = record.fields[record.field_count++];
  field.clear();  // keeps its capacity for the next record
  return field;
}

bool CsvReader::next(CsvRecord& record) {
  record.field_count = 0;
  record.problem.clear();
  // Skip empty lines: a trailing newline, or blank lines that a hand edit left behind.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  if (pos_ >= text_.size()) return false;
  record.line = line_;

  const std::size_t size = text_.size();
  while (true) {
    std::string& field = next_field(record);
    if (pos_ < size && text_[pos_] == '"') {
      const int opened_on = line_;
      ++pos_;
      bool closed = false;
      while (pos_ < size) {
        // Copy the run up to the next quote or line break in one go.
        std::size_t stop = pos_;
        while (stop < size && text_[stop] != '"' && text_[stop] != '\n' && text_[stop] != '\r') {
          ++stop;
        }
        field.append(text_.data() + pos_, stop - pos_);
        pos_ = stop;
        if (pos_ >= size) break;
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < size && text_[pos_ + 1] == '"') {
            field.push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        // A line break inside quotes is part of the field; CRLF is kept as the file has it.
        field.push_back(c);
        if (c == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n') {
          field.push_back('\n');
          ++pos_;
        }
        ++pos_;
        ++line_;
      }
      if (!closed) {
        record.problem = "anførselstegnet i linje " + std::to_string(opened_on) +
                         " lukkes aldrig (resten af filen blev læst som ét felt)";
        return true;
      }
      // After the closing quote only the separator or the end of the line may follow.
      if (pos_ < size && text_[pos_] != separator_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
        if (record.problem.empty()) {
          record.problem = "tegn efter det afsluttende anførselstegn i felt " +
                           std::to_string(record.field_count) +
                           " (et anførselstegn i et felt skrives \"\")";
        }
        std::size_t stop = pos_;
        while (stop < size && text_[stop] != separator_ && text_[stop] != '\n' &&
               text_[stop] != '\r') {
          ++stop;
        }
        field.append(text_.data() + pos_, stop - pos_);
        pos_ = stop;
      }
    } else {
      // Unquoted: up to the separator or the end of the line; a quote inside is kept as it is.
      std::size_t stop = pos_;
      while (stop < size && text_[stop] != separator_ && text_[stop] != '\n' &&
             text_[stop] != '\r') {
        ++stop;
      }
      field.append(text_.data() + pos_, stop - pos_);
      pos_ = stop;
    }
    if (pos_ >= size) return true;
    const char c = text_[pos_];
    if (c == separator_) {
      ++pos_;
      continue;
    }
    // End of the record.
    if (c == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    return true;
  }
}

// Lower case for ASCII and Æ, Ø, Å; surrounding blanks removed.
std::string normalised_header(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < text.size() &&
               (text[i + 1] == '\x86' || text[i + 1] == '\x98' || text[i + 1] == '\x85')) {
      out += '\xC3';
      out += static_cast<char>(text[i + 1] + 0x20);  // Æ Ø Å → æ ø å
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

}  // namespace sagsaudit
