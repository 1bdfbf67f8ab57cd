-- chiso-lsp for Neovim 0.7 and later, with no plugin: put this folder on 'runtimepath' and
-- call require("chiso").setup() from init.lua. See lsp/editors/README.md.
local M = {}

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { "chiso-lsp" }
  local group = vim.api.nvim_create_augroup("chiso", { clear = true })
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = group,
    pattern = "*.chiso",
    command = "setfiletype chiso",
  })
  local client_id = nil
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "chiso",
    callback = function(args)
      vim.bo[args.buf].commentstring = "# %s"
      vim.bo[args.buf].shiftwidth = 2
      vim.bo[args.buf].expandtab = true
      -- One server for every chiso buffer (vim.lsp.start_client: Neovim 0.7's API).
      if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
        client_id = vim.lsp.start_client({
          name = "chiso",
          cmd = cmd,
          root_dir = opts.root_dir or vim.fn.getcwd(),
          on_attach = opts.on_attach,
        })
      end
      if client_id ~= nil then
        vim.lsp.buf_attach_client(args.buf, client_id)
      end
    end,
  })
end

return M
