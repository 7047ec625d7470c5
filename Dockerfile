# Multi-stage build: SDK image builds and publishes, the ASP.NET runtime image runs it as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Crm.Api/Crm.Api.csproj src/Crm.Api/
RUN dotnet restore src/Crm.Api/Crm.Api.csproj
COPY src/ src/
RUN dotnet publish src/Crm.Api/Crm.Api.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__Provider=SqlServer
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Crm.Api.dll"]
