-- A scripted Neovim (0.7+) LSP session against the Corpus Lens server, run headless by neovim.test.ts.
-- Inputs come from environment variables; the outcome is written as JSON to CORPUS_LENS_RESULT,
-- which the Node test reads and asserts on. Neovim always quits, even when a step fails.
--
--   CORPUS_LENS_NODE       node executable
--   CORPUS_LENS_SERVER     dist/server.js
--   CORPUS_LENS_WORKSPACE  workspace folder (holds corpus/)
--   CORPUS_LENS_SEED       the seed article 000 inside the workspace
--   CORPUS_LENS_MISMATCH   an article with one weekday mismatch
--   CORPUS_LENS_RESULT     where to write the JSON result
--   CORPUS_LENS_TIMEOUT_MS per-step timeout (default 15000)

local result = {
  nvim_version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch),
  steps = {},
  errors = {},
  logs = {},
  progress = {},
  publications = {},
}

local function step(name, value)
  result.steps[name] = value == nil and vim.NIL or value
end

local function env(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    error('environment variable ' .. name .. ' is not set')
  end
  return value
end

local function write_result()
  local path = os.getenv('CORPUS_LENS_RESULT')
  if not path then
    return
  end
  local file = assert(io.open(path, 'w'))
  file:write(vim.json.encode(result))
  file:close()
end

--- UTF-16 position of the first occurrence of `word` in the buffer.
local function find_position(bufnr, word)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for index, line in ipairs(lines) do
    local byte_start = line:find(word, 1, true)
    if byte_start then
      local _, utf16 = vim.str_utfindex(line, byte_start - 1)
      return { line = index - 1, character = utf16 }, line, byte_start
    end
  end
  error('"' .. word .. '" not found in buffer ' .. bufnr)
end

local function has_code(diagnostics, code)
  for _, diagnostic in ipairs(diagnostics or {}) do
    if diagnostic.code == code then
      return diagnostic
    end
  end
  return nil
end

local function run()
  local node = env('CORPUS_LENS_NODE')
  local server = env('CORPUS_LENS_SERVER')
  local workspace = env('CORPUS_LENS_WORKSPACE')
  local seed = env('CORPUS_LENS_SEED')
  local mismatch = env('CORPUS_LENS_MISMATCH')
  local timeout = tonumber(os.getenv('CORPUS_LENS_TIMEOUT_MS') or '15000')

  local diagnostics_by_uri = {}
  local exited = nil
  local started = vim.loop.hrtime()
  local function elapsed_ms()
    return math.floor((vim.loop.hrtime() - started) / 1e6)
  end

  local client_id = vim.lsp.start_client({
    name = 'corpus-lens',
    cmd = { node, server, '--stdio' },
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'workspace' } },
    get_language_id = function()
      return 'news-article'
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, params)
        diagnostics_by_uri[params.uri] = params.diagnostics
        table.insert(result.publications, { uri = params.uri, count = #params.diagnostics, at_ms = elapsed_ms() })
      end,
      ['window/logMessage'] = function(_, params)
        table.insert(result.logs, params.message)
      end,
      ['$/progress'] = function(_, params)
        table.insert(result.progress, params.value)
      end,
    },
    on_init = function(_, initialize_result)
      step('capabilities', initialize_result.capabilities)
    end,
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  if not client_id then
    error('vim.lsp.start_client returned nil')
  end
  step('client_id', client_id)

  -- The seed article: hover and document symbols.
  vim.cmd('edit ' .. vim.fn.fnameescape(seed))
  local seed_buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(seed_buf, client_id)
  local initialized = vim.wait(timeout, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return (client ~= nil and client.initialized) or exited ~= nil
  end, 10)
  step('initialized', initialized and exited == nil)
  if exited then
    error('server exited during initialize: ' .. vim.inspect(exited))
  end
  step('initialized_at_ms', elapsed_ms())

  -- A status read before the first index starts looks like an empty finished index: let it settle.
  local status = nil
  local polling_since = elapsed_ms()
  local indexed = vim.wait(timeout, function()
    local client = vim.lsp.get_client_by_id(client_id)
    local response = client and client.request_sync('corpusLens/corpusStatus', {}, 2000, seed_buf)
    if response and response.result and response.result ~= vim.NIL then
      status = response.result
      local unstarted = status.articles == 0 and status.skipped == 0 and status.lastIndexMs == 0
      return status.indexing == false and (not unstarted or elapsed_ms() - polling_since > 1500)
    end
    return false
  end, 50)
  step('indexed', indexed)
  step('status', status)

  local position = find_position(seed_buf, 'Tuesday')
  step('hover_position', position)
  local hover_params = { textDocument = { uri = vim.uri_from_bufnr(seed_buf) }, position = position }
  local hover = vim.lsp.buf_request_sync(seed_buf, 'textDocument/hover', hover_params, timeout)
  local hover_response = hover and hover[client_id]
  step('hover', hover_response and hover_response.result)
  step('hover_error', hover_response and hover_response.error)

  local symbols = vim.lsp.buf_request_sync(seed_buf, 'textDocument/documentSymbol',
    { textDocument = { uri = vim.uri_from_bufnr(seed_buf) } }, timeout)
  local symbols_response = symbols and symbols[client_id]
  step('symbols', symbols_response and symbols_response.result)
  step('symbols_error', symbols_response and symbols_response.error)

  -- The mismatch fixture: diagnostics, then an edit through Neovim's own incremental sync.
  vim.cmd('edit ' .. vim.fn.fnameescape(mismatch))
  local mismatch_buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(mismatch_buf, client_id)
  local mismatch_uri = vim.uri_from_bufnr(mismatch_buf)
  step('mismatch_uri', mismatch_uri)
  local flagged = vim.wait(timeout, function()
    return has_code(diagnostics_by_uri[mismatch_uri], 'weekday-mismatch') ~= nil
  end, 10)
  step('mismatch_flagged', flagged)
  step('mismatch_diagnostics', diagnostics_by_uri[mismatch_uri])

  local diagnostic = has_code(diagnostics_by_uri[mismatch_uri], 'weekday-mismatch')
  if diagnostic then
    -- Replace the written weekday by the one the message names as correct.
    local range = diagnostic.range
    local line = vim.api.nvim_buf_get_lines(mismatch_buf, range.start.line, range.start.line + 1, false)[1]
    local weekdays = { 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday' }
    local start_byte = vim.str_byteindex(line, range.start.character, true)
    local covered = line:sub(start_byte + 1)
    local written, written_at = nil, nil
    for _, day in ipairs(weekdays) do
      local at = covered:find(day, 1, true)
      if at and (written_at == nil or at < written_at) then
        written, written_at = day, at
      end
    end
    local correct = nil
    for _, day in ipairs(weekdays) do
      if day ~= written and diagnostic.message:find(day, 1, true) then
        correct = day
      end
    end
    step('mismatch_written', written)
    step('mismatch_correct', correct)
    if written and correct then
      local col = start_byte + written_at - 1
      vim.api.nvim_buf_set_text(mismatch_buf, range.start.line, col, range.start.line, col + #written, { correct })
      local cleared = vim.wait(timeout, function()
        local current = diagnostics_by_uri[mismatch_uri]
        return current ~= nil and has_code(current, 'weekday-mismatch') == nil
      end, 10)
      step('mismatch_cleared_after_edit', cleared)
    end
  end

  -- Shut down through Neovim's own shutdown + exit.
  vim.lsp.stop_client(client_id)
  local stopped = vim.wait(timeout, function()
    return exited ~= nil
  end, 10)
  step('stopped', stopped)
  step('exit', exited)
  step('total_ms', elapsed_ms())
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  table.insert(result.errors, tostring(err))
end
local written, write_err = pcall(write_result)
if not written then
  io.stderr:write('could not write result: ' .. tostring(write_err) .. '\n')
end
vim.cmd('qa!')
