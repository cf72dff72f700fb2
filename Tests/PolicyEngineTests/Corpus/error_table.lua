-- expect: runtime
-- message: (error object is a table value)
local M = {}
function M.priority(ctx)
  error({ code = 1 })
end
return M
