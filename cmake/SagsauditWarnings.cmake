# sagsaudit_apply_warnings(target): the one place our compiler flags are decided.
function(sagsaudit_apply_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  if(SAGSAUDIT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(SAGSAUDIT_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
