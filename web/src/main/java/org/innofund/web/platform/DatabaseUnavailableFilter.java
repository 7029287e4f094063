package org.innofund.web.platform;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.platform.DatabaseMigrator;
import org.innofund.platform.DatabaseUnavailable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * While the database could not be opened at start-up, every request gets the same plain page (503, in Chinese and
 * English) saying so, with the newest backup and the restore command, and nothing reaches a service that could write.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseUnavailableFilter extends HttpFilter {

    @EJB
    private DatabaseMigrator database;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        DatabaseUnavailable unavailable = database.unavailable().orElse(null);
        if (unavailable == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "3600");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(page(unavailable).getBytes(StandardCharsets.UTF_8));
    }

    static String page(DatabaseUnavailable u) {
        String backup = u.newestBackup() == null ? "（无 / none） " + u.backupFolder() : u.newestBackup();
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="UTF-8"><title>InnoFund · 数据库无法打开 / database unavailable</title></head>
                <body style="font-family:sans-serif;max-width:52em;margin:3em auto;line-height:1.6">
                <h1 id="databaseUnavailable">数据库无法打开，系统暂停服务</h1>
                <p>为避免损坏扩大，系统没有开始写入任何数据。请系统管理员用最近的备份恢复数据库后重新启动。</p>
                <h2>The database cannot be opened: InnoFund is not running</h2>
                <p>To keep the damage from growing, nothing is being written. An administrator restores the newest backup
                into a fresh database and starts the system again.</p>
                <p>原因 / Cause: <code id="cause">%s</code></p>
                <p>最近的备份 / Newest backup: <code id="newestBackup">%s</code></p>
                <p>恢复命令 / Restore command (README: Backup and restore):</p>
                <pre id="restoreCommand">%s</pre>
                </body></html>
                """.formatted(escape(u.cause()), escape(backup), escape(u.restoreCommand()));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
