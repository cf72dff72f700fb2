-- expect: runtime
-- message: global 'os'
local M = {}
function M.priority(ctx)
  os.exit(1)
end
return M
