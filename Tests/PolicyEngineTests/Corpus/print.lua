-- expect: runtime
-- message: global 'print'
local M = {}
function M.priority(ctx)
  print('hello')
end
return M
