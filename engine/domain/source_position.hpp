#pragma once
// Where a value was read from, so that rules checked after loading can still point the user at
// the line and column to fix. 0 means "not from a file" (e.g. built in a test).
namespace sagsaudit {

struct SourcePosition {
  int line = 0;
  int column = 0;
};

}  // namespace sagsaudit
