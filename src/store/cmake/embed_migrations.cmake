# Build-time step (cmake -P): turns src/store/migrations/NNNN_name.sql into a C++ source that
# lists them as raw string literals, so the migrations are compiled into the library.
# Inputs: SQL_DIR (folder of .sql files), OUT (the .cpp to write).
file(GLOB sql_files "${SQL_DIR}/*.sql")
list(SORT sql_files)
set(entries "")
set(expected 1)
foreach(file IN LISTS sql_files)
  get_filename_component(base "${file}" NAME_WE)
  if(NOT base MATCHES "^([0-9][0-9][0-9][0-9])_([a-z0-9_]+)$")
    message(FATAL_ERROR "migration file name must be NNNN_name.sql: ${file}")
  endif()
  set(name "${CMAKE_MATCH_2}")
  math(EXPR version "${CMAKE_MATCH_1}")
  if(NOT version EQUAL expected)
    message(FATAL_ERROR "migrations must be numbered 1, 2, 3 … without gaps; expected ${expected}: ${file}")
  endif()
  math(EXPR expected "${expected} + 1")
  file(READ "${file}" sql)
  if(sql MATCHES "\\)atlas_sql\"")
    message(FATAL_ERROR "${file} contains the raw-string delimiter )atlas_sql\"")
  endif()
  string(APPEND entries "    {${version}, \"${name}\", R\"atlas_sql(${sql})atlas_sql\"},\n")
endforeach()
set(text "// Generated from src/store/migrations/*.sql by embed_migrations.cmake. Do not edit.
#include \"store/internal/migrations.hpp\"

namespace atlas::store_internal {

std::span<const Migration> migrations() {
  static constexpr Migration kMigrations[] = {
${entries}  };
  return kMigrations;
}

}  // namespace atlas::store_internal
")
file(WRITE "${OUT}" "${text}")
