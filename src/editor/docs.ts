/**
 * Hover documentation for what the lessons teach, in each page language (Markdown).
 * Written for Dockyard; facts follow Docker's reference for Dockerfiles and the Compose spec.
 */
export type DocLang = "en" | "ko";
type Doc = Readonly<Record<DocLang, string>>;

/** Dockerfile instructions, by keyword. */
export const dockerfileDocs: Readonly<Record<string, Doc>> = {
  FROM: {
    en: "Starts a build stage from a base image: `FROM image[:tag] [AS name]`. A Dockerfile begins with `FROM` (only `ARG` may come before it).",
    ko: "베이스 이미지에서 빌드 단계를 시작해요: `FROM 이미지[:태그] [AS 이름]`. Dockerfile은 `FROM`으로 시작해요(앞에 올 수 있는 건 `ARG`뿐이에요).",
  },
  RUN: {
    en: "Runs a command while the image is built and keeps the result as a new layer. `RUN apt-get update` runs in `/bin/sh -c`; the exec form `RUN [\"cmd\", \"arg\"]` runs without a shell.",
    ko: "이미지를 빌드하는 동안 명령을 실행하고, 그 결과를 새 레이어로 남겨요. `RUN apt-get update`는 `/bin/sh -c`로 실행되고, exec 형식 `RUN [\"cmd\", \"arg\"]`는 셸 없이 실행돼요.",
  },
  COPY: {
    en: "Copies files from the build context (the folder given to `docker build`) into the image: `COPY src dest`. `--from=stage` copies from another stage.",
    ko: "빌드 컨텍스트(`docker build`에 넘긴 폴더)의 파일을 이미지 안으로 복사해요: `COPY 원본 대상`. `--from=단계`를 쓰면 다른 빌드 단계에서 복사해요.",
  },
  ADD: {
    en: "Like `COPY`, but it can also download a URL and unpacks local tar archives. Use `COPY` unless you need that.",
    ko: "`COPY`와 비슷하지만 URL에서 내려받을 수도 있고, 로컬 tar 압축 파일은 풀어서 넣어요. 그 기능이 필요할 때가 아니면 `COPY`를 쓰세요.",
  },
  WORKDIR: {
    en: "Sets the working directory for the `RUN`, `CMD`, `ENTRYPOINT`, `COPY` and `ADD` that follow, and creates it if it is missing.",
    ko: "뒤따르는 `RUN`, `CMD`, `ENTRYPOINT`, `COPY`, `ADD`의 작업 디렉터리를 정해요. 없으면 새로 만들어요.",
  },
  EXPOSE: {
    en: "Documents the port the container listens on: `EXPOSE 80` or `EXPOSE 53/udp`. It publishes nothing; `docker run -p 8080:80` does.",
    ko: "컨테이너가 어느 포트에서 듣는지 적어 두는 거예요: `EXPOSE 80`, `EXPOSE 53/udp`. 포트를 열어 주지는 않아요. 그건 `docker run -p 8080:80`이 해요.",
  },
  ENV: {
    en: "Sets an environment variable in the image: `ENV KEY=value`. Later instructions and the containers see it; `docker run -e` can override it.",
    ko: "이미지에 환경 변수를 정해요: `ENV KEY=value`. 뒤의 명령어와 컨테이너에서 보이고, `docker run -e`로 바꿀 수 있어요.",
  },
  ARG: {
    en: "Declares a variable for build time only, set with `docker build --build-arg NAME=value`. Containers do not see it.",
    ko: "빌드할 때만 쓰는 변수를 선언해요. 값은 `docker build --build-arg NAME=value`로 넘겨요. 컨테이너에는 남지 않아요.",
  },
  CMD: {
    en: "The container's default command: `CMD [\"executable\", \"arg\"]`. Words after the image name in `docker run` replace it. Only the last `CMD` counts.",
    ko: "컨테이너의 기본 명령이에요: `CMD [\"실행파일\", \"인자\"]`. `docker run`에서 이미지 이름 뒤에 명령을 쓰면 그걸로 바뀌어요. 마지막 `CMD` 하나만 적용돼요.",
  },
  ENTRYPOINT: {
    en: "The program the container always runs: `ENTRYPOINT [\"executable\"]`. `CMD`, or the words after the image name in `docker run`, become its arguments.",
    ko: "컨테이너가 항상 실행하는 프로그램이에요: `ENTRYPOINT [\"실행파일\"]`. `CMD`나 `docker run`에서 이미지 이름 뒤에 쓴 말은 이 프로그램의 인자가 돼요.",
  },
  MAINTAINER: {
    en: "**Deprecated.** Names the image's author. Write `LABEL org.opencontainers.image.authors=\"you@example.com\"` instead.",
    ko: "**더 이상 권장하지 않아요.** 이미지 작성자를 적는 명령어예요. 대신 `LABEL org.opencontainers.image.authors=\"you@example.com\"`을 쓰세요.",
  },
  LABEL: {
    en: "Adds metadata as key-value pairs: `LABEL version=\"1.0\"`. `docker inspect` shows them.",
    ko: "키-값 메타데이터를 붙여요: `LABEL version=\"1.0\"`. `docker inspect`로 볼 수 있어요.",
  },
  USER: {
    en: "Sets the user (and group) for the `RUN`, `CMD` and `ENTRYPOINT` that follow: `USER app` or `USER 1000:1000`.",
    ko: "뒤따르는 `RUN`, `CMD`, `ENTRYPOINT`를 실행할 사용자(와 그룹)를 정해요: `USER app`, `USER 1000:1000`.",
  },
  VOLUME: {
    en: "Marks a path as a mount point: `VOLUME /data`. A container gets an anonymous volume there unless you mount one yourself.",
    ko: "경로를 마운트 지점으로 표시해요: `VOLUME /data`. 직접 마운트하지 않으면 컨테이너마다 이름 없는 볼륨이 그 자리에 붙어요.",
  },
};

/**
 * Compose keys. `top.*` are top-level keys of a compose file, `service.*` keys of one service.
 */
export const composeDocs: Readonly<Record<string, Doc>> = {
  "top.services": {
    en: "The containers of your application, one entry per service. A service needs an `image`, a `build`, or both.",
    ko: "애플리케이션을 이루는 컨테이너들이에요. 서비스마다 항목이 하나씩이고, `image`나 `build`(또는 둘 다)가 필요해요.",
  },
  "top.version": {
    en: "**Obsolete.** Compose ignores it and warns that the attribute `version` is obsolete. Remove it.",
    ko: "**더 이상 쓰지 않아요.** Compose는 이 값을 무시하고 `version` 속성이 obsolete라고 경고해요. 지워도 돼요.",
  },
  "top.volumes": {
    en: "Named volumes the services use. Compose creates them; `docker compose down` keeps them unless you add `-v`.",
    ko: "서비스들이 쓰는 이름 있는 볼륨이에요. Compose가 만들어 주고, `docker compose down`은 `-v`를 붙이지 않으면 볼륨을 남겨 둬요.",
  },
  "top.networks": {
    en: "Networks the services join. Compose creates each as `<project>_<name>`; without this, services share the project's `default` network.",
    ko: "서비스들이 연결될 네트워크예요. Compose가 `<프로젝트>_<이름>`으로 만들어요. 적지 않으면 서비스들은 프로젝트의 `default` 네트워크를 함께 써요.",
  },
  "service.image": {
    en: "The image the service runs, e.g. `nginx:1.27`. Compose pulls it if it is missing, or builds it when `build` is set.",
    ko: "서비스가 실행할 이미지예요. 예: `nginx:1.27`. 없으면 Compose가 내려받고, `build`가 있으면 빌드해요.",
  },
  "service.build": {
    en: "Build the service's image from a Dockerfile: `build: .` uses the Dockerfile in that folder.",
    ko: "Dockerfile로 서비스의 이미지를 빌드해요: `build: .`은 그 폴더의 Dockerfile을 써요.",
  },
  "service.ports": {
    en: "Publishes ports as `HOST:CONTAINER`: `\"8080:80\"` sends the host's port 8080 to the container's port 80. Quote them.",
    ko: "포트를 `호스트:컨테이너`로 열어요: `\"8080:80\"`은 호스트의 8080번 포트를 컨테이너의 80번으로 보내요. 따옴표로 감싸 주세요.",
  },
  "service.volumes": {
    en: "Mounts into the containers: `name:/path` for a named volume, `./dir:/path` for a folder of the host. Add `:ro` for read-only.",
    ko: "컨테이너에 마운트할 것들이에요: 이름 있는 볼륨은 `이름:/경로`, 호스트 폴더는 `./폴더:/경로`. 읽기 전용이면 `:ro`를 붙여요.",
  },
  "service.environment": {
    en: "The containers' environment variables, as a map (`KEY: value`) or a list (`- KEY=value`).",
    ko: "컨테이너의 환경 변수예요. 맵(`KEY: value`)이나 목록(`- KEY=value`)으로 적어요.",
  },
  "service.command": {
    en: "Replaces the image's `CMD`: `command: [\"npm\", \"start\"]` or a string.",
    ko: "이미지의 `CMD`를 바꿔요: `command: [\"npm\", \"start\"]`처럼 쓰거나 문자열로 써요.",
  },
  "service.depends_on": {
    en: "Services to start first. With `condition: service_healthy`, Compose waits until their healthcheck passes.",
    ko: "먼저 시작할 서비스들이에요. `condition: service_healthy`를 쓰면 그 서비스의 헬스체크가 통과할 때까지 기다려요.",
  },
  "service.restart": {
    en: "When to restart the containers: `no` (the default), `always`, `on-failure[:max]` or `unless-stopped`.",
    ko: "컨테이너를 언제 다시 시작할지 정해요: `no`(기본값), `always`, `on-failure[:최대횟수]`, `unless-stopped`.",
  },
  "service.networks": {
    en: "The networks this service joins. Without it, the service joins the project's `default` network.",
    ko: "이 서비스가 연결될 네트워크예요. 적지 않으면 프로젝트의 `default` 네트워크에 연결돼요.",
  },
};

/** The documentation for `key` in `lang`, or undefined. */
export function doc(table: Readonly<Record<string, Doc>>, key: string, lang: DocLang): string | undefined {
  return table[key]?.[lang];
}
