-- expect: runtime
-- message: non-closable value
local M = {}
function M.priority(ctx)
  local x <close> = {} return {1, 1}
end
return M
