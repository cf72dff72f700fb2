-- expect: budget
-- message: instruction budget exhausted|wall-clock deadline exceeded
local M = {}
function M.priority(ctx)
  string.gsub('abc', '%w', function() while true do end end)
end
return M
