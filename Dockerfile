# Multi-stage build: SDK image builds and publishes, the ASP.NET runtime image runs it as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Crm.Api/Crm.Api.csproj src/Crm.Api/
# Self-contained for the target's runtime, so that the publish is one composite ReadyToRun image of the runtime,
# ASP.NET Core and the API (Crm.Api.csproj; decision 0017): cold start at 1M 1.37 s framework-dependent ReadyToRun,
# 1.11–1.13 s composite (docs/performance.md, "Fourteenth round").
RUN dotnet restore src/Crm.Api/Crm.Api.csproj -a $TARGETARCH -p:SelfContained=true
COPY src/ src/
RUN dotnet publish src/Crm.Api/Crm.Api.csproj -c Release -a $TARGETARCH --self-contained true -o /app --no-restore

# The runtime ships inside the publish, so the image needs only the runtime's native dependencies (ICU, OpenSSL).
# A .NET security patch therefore means rebuilding this image, not only pulling a new base image.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__Provider=SqlServer
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["./Crm.Api"]
