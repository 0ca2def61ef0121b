// Must NOT compile: model/ depends on nothing of ours. A test expects failure.
#include "model/records.hpp"
#include "query/indicator.hpp"

int main() {
  return 0;
}
