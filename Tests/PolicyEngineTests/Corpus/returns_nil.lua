-- expect: compile
-- message: must return a table
local M = {}
