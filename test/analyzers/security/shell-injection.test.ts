import { shellInjection } from '../../../analyzers/security/shell-injection.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(shellInjection, {
  flagged: [
    { code: `import subprocess\nsubprocess.run(f"convert {name} out.png", shell=True)`, lines: [2], message: 'built by string formatting' },
    { code: `from subprocess import run as r\nr(cmd, shell=True)`, lines: [2], message: '`subprocess.run`' },
    { code: `import subprocess as sp\nsp.Popen("ls " + path, shell=True)`, lines: [2] },
    { code: `import subprocess\nsubprocess.check_output(\n    cmd,\n    shell=True,\n)`, lines: [2] },
    { code: `import os\nos.system("rm -rf " + d)`, lines: [2], message: '`os.system`' },
    { code: `import os\nos.popen(cmd).read()`, lines: [2] },
    { code: `import subprocess\nsubprocess.getoutput(cmd)`, lines: [2] },
    { code: `import commands\ncommands.getoutput(cmd)`, lines: [2] },
    { code: `import os\nos.execl("/bin/sh", "sh", "-c", cmd)`, lines: [2] },
    { code: `import os\nos.spawnlp(os.P_WAIT, "bash", "bash", "-c", cmd)`, lines: [2] },
    { code: `runner.run_command(cmd, shell=True)`, lines: [1] },
    { code: `import paramiko\nclient = paramiko.SSHClient()\nclient.exec_command(cmd)`, lines: [3] },
    { code: `import os\nos.system("ls")`, lines: [2], message: 'fixed command' },
  ],
  clean: [
    { code: `import subprocess\nsubprocess.run(["ls", "-l", path])` },
    { code: `import subprocess\nsubprocess.run(["ls", path], shell=False)` },
    { code: `import subprocess\nsubprocess.Popen(args, shell=0)` },
    { code: `import os\nos.execv("/usr/bin/git", ["git", "status"])` },
    { code: `import os\nos.spawnv(os.P_WAIT, "/usr/bin/ls", ["ls"])` },
    // exec_command is paramiko's only when the file uses paramiko.
    { code: `db.exec_command(cmd)` },
    { code: `def system(cmd):\n    pass\nsystem(cmd)` },
  ],
});

test('shell-injection: severity follows the command: literal low, formatted/parameter high', () => {
  const [literal] = runRule(shellInjection, 'import subprocess\nsubprocess.call("ls -l", shell=True)\n');
  expect(literal).toMatchObject({ severity: 'low', code: 'B602', cwe: 78 });
  const [param] = runRule(shellInjection, 'import os\ndef f(name):\n    os.system(name)\n');
  expect(param).toMatchObject({ severity: 'high', code: 'B605' });
  const [unknown] = runRule(shellInjection, 'import os\nos.system(get())\n');
  expect(unknown!.severity).toBe('medium');
  const [other] = runRule(shellInjection, 'x.call(cmd, shell=True)\n');
  expect(other).toMatchObject({ code: 'B604', confidence: 'medium' });
  const [wildcard] = runRule(shellInjection, 'import os\nos.system("tar cf backup.tar *")\n');
  expect(wildcard).toMatchObject({ code: 'B609', severity: 'high' });
  const [paramiko] = runRule(shellInjection, 'import paramiko\nc.exec_command(cmd)\n');
  expect(paramiko!.code).toBe('B601');
});

test('shell-injection: a request value flows through a local into the command', () => {
  const [f] = runRule(
    shellInjection,
    'import subprocess\ndef view():\n    name = request.args.get("n")\n    cmd = "ping " + name\n    subprocess.run(cmd, shell=True)\n',
  );
  expect(f).toMatchObject({ line: 5, severity: 'high' });
  expect(f!.message).toContain('parameter or request data');
});
