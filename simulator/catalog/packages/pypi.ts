/** PyPI as pip sees it: the distributions lessons and small apps install, for Python 3 and for Python 2.7. */

export interface PyRelease {
  version: string;
  /** Requirements as the metadata states them, in order. */
  requires: string[];
  /** Wheel size in kB and its metadata size in kB. */
  kb: number;
  /** The wheel's tag; `cp` wheels get the interpreter's tag filled in. */
  tag?: "cp";
}

export interface PyProject {
  /** The project's name as its metadata spells it for each line (Python 2's old releases used capitals). */
  names: { py3: string; py2?: string };
  py3: PyRelease;
  py2?: PyRelease;
  /** Import names it provides (`flask`, `yaml`). */
  modules: string[];
  /** Console scripts it installs into bin/. */
  scripts?: string[];
}

export const PYPI: Record<string, PyProject> = {
  flask: {
    names: { py3: "flask", py2: "Flask" },
    py3: { version: "3.1.2", kb: 103, requires: ["blinker>=1.9.0", "click>=8.1.3", "itsdangerous>=2.2.0", "jinja2>=3.1.2", "markupsafe>=2.1.1", "werkzeug>=3.1.0"] },
    py2: { version: "1.1.4", kb: 94, requires: ["Werkzeug<2.0,>=0.15", "Jinja2<3.0,>=2.10.1", "itsdangerous<2.0,>=0.24", "click<8.0,>=5.1"] },
    modules: ["flask"],
    scripts: ["flask"],
  },
  werkzeug: { names: { py3: "werkzeug", py2: "Werkzeug" }, py3: { version: "3.1.4", kb: 224, requires: ["markupsafe>=2.1.1"] }, py2: { version: "1.0.1", kb: 298, requires: [] }, modules: ["werkzeug"] },
  jinja2: { names: { py3: "jinja2", py2: "Jinja2" }, py3: { version: "3.1.6", kb: 134, requires: ["MarkupSafe>=2.0"] }, py2: { version: "2.11.3", kb: 125, requires: ["MarkupSafe>=0.23"] }, modules: ["jinja2"] },
  markupsafe: { names: { py3: "markupsafe", py2: "MarkupSafe" }, py3: { version: "3.0.3", kb: 22, requires: [], tag: "cp" }, py2: { version: "1.1.1", kb: 24, requires: [], tag: "cp" }, modules: ["markupsafe"] },
  itsdangerous: { names: { py3: "itsdangerous", py2: "itsdangerous" }, py3: { version: "2.2.0", kb: 16, requires: [] }, py2: { version: "1.1.0", kb: 16, requires: [] }, modules: ["itsdangerous"] },
  click: { names: { py3: "click", py2: "click" }, py3: { version: "8.3.1", kb: 108, requires: [] }, py2: { version: "7.1.2", kb: 82, requires: [] }, modules: ["click"] },
  blinker: { names: { py3: "blinker" }, py3: { version: "1.9.0", kb: 8.5, requires: [] }, modules: ["blinker"] },
  requests: {
    names: { py3: "requests", py2: "requests" },
    py3: { version: "2.32.5", kb: 64, requires: ["charset_normalizer<4,>=2", "idna<4,>=2.5", "urllib3<3,>=1.21.1", "certifi>=2017.4.17"] },
    py2: { version: "2.27.1", kb: 63, requires: ["urllib3<1.27,>=1.21.1", "certifi>=2017.4.17", "chardet<5,>=3.0.2", "idna<3,>=2.5"] },
    modules: ["requests"],
  },
  "charset-normalizer": { names: { py3: "charset_normalizer" }, py3: { version: "3.4.4", kb: 153, requires: [], tag: "cp" }, modules: ["charset_normalizer"], scripts: ["normalizer"] },
  chardet: { names: { py3: "chardet", py2: "chardet" }, py3: { version: "5.2.0", kb: 199, requires: [] }, py2: { version: "4.0.0", kb: 178, requires: [] }, modules: ["chardet"] },
  idna: { names: { py3: "idna", py2: "idna" }, py3: { version: "3.11", kb: 71, requires: [] }, py2: { version: "2.10", kb: 58, requires: [] }, modules: ["idna"] },
  urllib3: { names: { py3: "urllib3", py2: "urllib3" }, py3: { version: "2.5.0", kb: 129, requires: [] }, py2: { version: "1.26.20", kb: 144, requires: [] }, modules: ["urllib3"] },
  certifi: { names: { py3: "certifi", py2: "certifi" }, py3: { version: "2025.11.12", kb: 159, requires: [] }, py2: { version: "2021.10.8", kb: 149, requires: [] }, modules: ["certifi"] },
  gunicorn: { names: { py3: "gunicorn", py2: "gunicorn" }, py3: { version: "23.0.0", kb: 85, requires: ["packaging"] }, py2: { version: "19.10.0", kb: 113, requires: [] }, modules: ["gunicorn"], scripts: ["gunicorn"] },
  packaging: { names: { py3: "packaging" }, py3: { version: "25.0", kb: 66, requires: [] }, modules: ["packaging"] },
  redis: { names: { py3: "redis", py2: "redis" }, py3: { version: "7.1.0", kb: 354, requires: [] }, py2: { version: "3.5.3", kb: 72, requires: [] }, modules: ["redis"] },
  django: { names: { py3: "django", py2: "Django" }, py3: { version: "5.2.8", kb: 8300, requires: ["asgiref>=3.8.1", "sqlparse>=0.3.1"] }, py2: { version: "1.11.29", kb: 6900, requires: ["pytz"] }, modules: ["django"], scripts: ["django-admin"] },
  asgiref: { names: { py3: "asgiref" }, py3: { version: "3.11.0", kb: 24, requires: [] }, modules: ["asgiref"] },
  sqlparse: { names: { py3: "sqlparse" }, py3: { version: "0.5.3", kb: 44, requires: [] }, modules: ["sqlparse"] },
  pytz: { names: { py3: "pytz", py2: "pytz" }, py3: { version: "2025.2", kb: 509, requires: [] }, py2: { version: "2025.2", kb: 509, requires: [] }, modules: ["pytz"] },
  pyyaml: { names: { py3: "PyYAML", py2: "PyYAML" }, py3: { version: "6.0.3", kb: 801, requires: [], tag: "cp" }, py2: { version: "5.4.1", kb: 175, requires: [] }, modules: ["yaml"] },
  numpy: { names: { py3: "numpy", py2: "numpy" }, py3: { version: "2.3.5", kb: 16600, requires: [], tag: "cp" }, py2: { version: "1.16.6", kb: 17000, requires: [], tag: "cp" }, modules: ["numpy"], scripts: ["f2py"] },
  six: { names: { py3: "six", py2: "six" }, py3: { version: "1.17.0", kb: 11, requires: [] }, py2: { version: "1.17.0", kb: 11, requires: [] }, modules: ["six"] },
  pip: { names: { py3: "pip", py2: "pip" }, py3: { version: "25.3", kb: 1800, requires: [] }, py2: { version: "20.3.4", kb: 1500, requires: [] }, modules: ["pip"], scripts: ["pip", "pip3"] },
  setuptools: { names: { py3: "setuptools", py2: "setuptools" }, py3: { version: "80.9.0", kb: 1200, requires: [] }, py2: { version: "44.1.1", kb: 583, requires: [] }, modules: ["setuptools"] },
  wheel: { names: { py3: "wheel", py2: "wheel" }, py3: { version: "0.45.1", kb: 72, requires: [] }, py2: { version: "0.37.1", kb: 35, requires: [] }, modules: ["wheel"], scripts: ["wheel"] },
};

/** PyPI normalises names: `Flask`, `flask` and `FLASK` are one project, `_`, `-` and `.` one separator. */
export const normalizeName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

export function findProject(name: string): PyProject | undefined {
  return PYPI[normalizeName(name)];
}
